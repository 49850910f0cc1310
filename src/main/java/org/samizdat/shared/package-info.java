/** Value types every module uses: languages, slugs, page metadata. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.samizdat.shared;
