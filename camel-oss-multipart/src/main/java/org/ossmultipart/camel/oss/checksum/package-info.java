/**
 * CRC-64/XZ as OSS computes it (with combine) and MD5 for Content-MD5: the checksums that verify every
 * part and object.
 */
package org.ossmultipart.camel.oss.checksum;
