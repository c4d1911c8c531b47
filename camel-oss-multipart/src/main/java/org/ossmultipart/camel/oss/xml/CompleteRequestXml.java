package org.ossmultipart.camel.oss.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code <CompleteMultipartUpload>}: the request body listing the parts. */
@XmlRootElement(name = "CompleteMultipartUpload")
@XmlAccessorType(XmlAccessType.FIELD)
public class CompleteRequestXml {

    /** One {@code <Part>}; the ETag is written with its quotes, as the SDKs do. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CompletePart")
    public static class Part {
        @XmlElement(name = "PartNumber")
        public int partNumber;

        @XmlElement(name = "ETag")
        public String etag;
    }

    @XmlElement(name = "Part")
    public List<Part> parts = new ArrayList<>();
}
