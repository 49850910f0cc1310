/**
 * Distribution: the newsroom's mirror list (the "How to reach us" page, the footer line on every page, the
 * signed {@code /mirrors.json}, the {@code Onion-Location} header) and static mirrors of the whole public site
 * (export, signed manifest, verification). It offers {@link org.samizdat.shared.web.Mirrors} to the modules
 * that show the list in feeds and emails.
 *
 * <p>The export renders pages by calling the running application over loopback HTTP rather than by reading
 * content's API and rendering templates itself: the copy is then byte-for-byte what readers get (layout, page
 * parts of every module, feeds, photos), distribution depends on no other module's templates or internals,
 * and a page type added later is exported without a change here. Content's public API
 * ({@link org.samizdat.content.Stories}) is read only for which stories are live, changed or gone (what an
 * incremental export must read again), the catalogue's fingerprint, and the cards of the static search index.
 */
package org.samizdat.distribution;
