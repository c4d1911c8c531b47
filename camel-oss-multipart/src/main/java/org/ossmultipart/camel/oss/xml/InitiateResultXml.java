package org.ossmultipart.camel.oss.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <InitiateMultipartUploadResult>}. */
@XmlRootElement(name = "InitiateMultipartUploadResult")
@XmlAccessorType(XmlAccessType.FIELD)
public class InitiateResultXml {
    @XmlElement(name = "EncodingType")
    public String encodingType;

    @XmlElement(name = "Bucket")
    public String bucket;

    @XmlElement(name = "Key")
    public String key;

    @XmlElement(name = "UploadId")
    public String uploadId;
}
