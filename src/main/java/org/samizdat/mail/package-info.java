/**
 * Outgoing mail, built once for every module that writes to readers (newsletter editions and confirmations,
 * later donation receipts): multipart HTML and text messages sent over SMTP. Depends only on shared.
 */
package org.samizdat.mail;
