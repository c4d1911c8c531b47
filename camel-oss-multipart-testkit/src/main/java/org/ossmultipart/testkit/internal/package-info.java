/**
 * The local server's own machinery: object and upload store, blob storage, signature verification, XML
 * writing.
 */
package org.ossmultipart.testkit.internal;
