package org.ossmultipart.camel.oss.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code <ListPartsResult>}. Sizes are {@code long} (parts reach 5 GiB); the CRC is kept as text (unsigned). */
@XmlRootElement(name = "ListPartsResult")
@XmlAccessorType(XmlAccessType.FIELD)
public class ListPartsResultXml {

    /** One {@code <Part>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ListedPart")
    public static class Part {
        @XmlElement(name = "PartNumber")
        public int partNumber;

        @XmlElement(name = "LastModified")
        public String lastModified;

        @XmlElement(name = "ETag")
        public String etag;

        @XmlElement(name = "HashCrc64ecma")
        public String hashCrc64ecma;

        @XmlElement(name = "Size")
        public long size;
    }

    @XmlElement(name = "EncodingType")
    public String encodingType;

    @XmlElement(name = "Bucket")
    public String bucket;

    @XmlElement(name = "Key")
    public String key;

    @XmlElement(name = "UploadId")
    public String uploadId;

    @XmlElement(name = "StorageClass")
    public String storageClass;

    @XmlElement(name = "PartNumberMarker")
    public Integer partNumberMarker;

    @XmlElement(name = "NextPartNumberMarker")
    public Integer nextPartNumberMarker;

    @XmlElement(name = "MaxParts")
    public Integer maxParts;

    @XmlElement(name = "IsTruncated")
    public Boolean truncated;

    @XmlElement(name = "Part")
    public List<Part> parts = new ArrayList<>();
}
