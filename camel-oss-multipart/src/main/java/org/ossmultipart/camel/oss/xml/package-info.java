/**
 * The XML documents of the OSS multipart protocol as JAXB classes, and {@link org.ossmultipart.camel.oss.xml.OssXml},
 * the one codec that reads (namespace-agnostic, DOCTYPE refused) and writes them. Wire model only:
 * the client turns these into the records of {@code org.ossmultipart.camel.oss.model}.
 */
package org.ossmultipart.camel.oss.xml;
