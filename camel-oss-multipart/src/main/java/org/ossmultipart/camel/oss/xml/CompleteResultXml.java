package org.ossmultipart.camel.oss.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <CompleteMultipartUploadResult>}. */
@XmlRootElement(name = "CompleteMultipartUploadResult")
@XmlAccessorType(XmlAccessType.FIELD)
public class CompleteResultXml {
    @XmlElement(name = "EncodingType")
    public String encodingType;

    @XmlElement(name = "Location")
    public String location;

    @XmlElement(name = "Bucket")
    public String bucket;

    @XmlElement(name = "Key")
    public String key;

    @XmlElement(name = "ETag")
    public String etag;
}
