package org.ossmultipart.camel.oss.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The response samples of oss-protocol.md §3 and §5, with and without a namespace on the root. */
class OssXmlTest {

    private static byte[] doc(String xml, String namespace) {
        String body = namespace.isEmpty() ? xml : xml.replaceFirst("<(\\w+)>", "<$1 xmlns=\"" + namespace + "\">");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://doc.oss-cn-hangzhou.aliyuncs.com"})
    void initiateResult(String ns) {
        InitiateResultXml r = OssXml.read(
                doc(
                        "<InitiateMultipartUploadResult><Bucket>examplebucket</Bucket><Key>multipart.data</Key>"
                                + "<UploadId>0004B9894A22E5B1888A1E29F823****</UploadId></InitiateMultipartUploadResult>",
                        ns),
                InitiateResultXml.class);
        assertThat(r.bucket).isEqualTo("examplebucket");
        assertThat(r.key).isEqualTo("multipart.data");
        assertThat(r.uploadId).isEqualTo("0004B9894A22E5B1888A1E29F823****");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://doc.oss-cn-hangzhou.aliyuncs.com"})
    void completeResult(String ns) {
        CompleteResultXml r = OssXml.read(
                doc(
                        "<CompleteMultipartUploadResult><EncodingType>url</EncodingType>"
                                + "<Location>http://oss-example.oss-cn-hangzhou.aliyuncs.com/multipart.data</Location><Bucket>oss-example</Bucket>"
                                + "<Key>demo%2Fmultipart.data</Key><ETag>\"097DE458AD02B5F89F9D0530231876****\"</ETag>"
                                + "</CompleteMultipartUploadResult>",
                        ns),
                CompleteResultXml.class);
        assertThat(r.encodingType).isEqualTo("url");
        assertThat(r.key).isEqualTo("demo%2Fmultipart.data");
        assertThat(r.etag).isEqualTo("\"097DE458AD02B5F89F9D0530231876****\"");
        assertThat(r.location).endsWith("/multipart.data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://doc.oss-cn-hangzhou.aliyuncs.com"})
    void listMultipartUploadsResultWithOldElementsIgnored(String ns) {
        ListUploadsResultXml r = OssXml.read(
                doc(
                        "<ListMultipartUploadsResult><EncodingType>url</EncodingType><Bucket>oss-example</Bucket>"
                                + "<KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><NextKeyMarker>oss.avi</NextKeyMarker>"
                                + "<NextUploadIdMarker>89F0105AA66942638E35300618DF****</NextUploadIdMarker><Delimiter>/</Delimiter><Prefix></Prefix>"
                                + "<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>"
                                + "<Upload><Key>demo%2Fgp-%0C%0A%0B</Key><UploadId>0214A87687F040F1BA4D83AB17C9****</UploadId>"
                                + "<StorageClass>Standard</StorageClass><Initiated>2023-11-22T05:45:57.000Z</Initiated>"
                                + "<Initiator><ID>1</ID><DisplayName>x</DisplayName></Initiator><Owner><ID>1</ID></Owner></Upload>"
                                + "<Upload><Key>b</Key><UploadId>2</UploadId><Initiated>2023-11-22T05:45:58.000Z</Initiated></Upload>"
                                + "<CommonPrefixes><Prefix>photos/</Prefix></CommonPrefixes><SomethingNew>ignored</SomethingNew>"
                                + "</ListMultipartUploadsResult>",
                        ns),
                ListUploadsResultXml.class);
        assertThat(r.uploads).hasSize(2);
        assertThat(r.uploads.get(0).key).isEqualTo("demo%2Fgp-%0C%0A%0B");
        assertThat(r.uploads.get(0).initiated).isEqualTo("2023-11-22T05:45:57.000Z");
        assertThat(r.nextKeyMarker).isEqualTo("oss.avi");
        assertThat(r.maxUploads).isEqualTo(1000);
        assertThat(r.truncated).isFalse();
        assertThat(r.commonPrefixes).extracting(p -> p.prefix).containsExactly("photos/");
        assertThat(r.keyMarker).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://doc.oss-cn-hangzhou.aliyuncs.com"})
    void listPartsResultWithLongSizesAndUnsignedCrc(String ns) {
        ListPartsResultXml r = OssXml.read(
                doc(
                        "<ListPartsResult><EncodingType>url</EncodingType><Bucket>oss-bucket</Bucket>"
                                + "<Key>demo%2Fgp-%0C%0A%0B</Key><UploadId>D4E111D4EA834F3ABCE4877B2779****</UploadId><StorageClass>Standard</StorageClass>"
                                + "<PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>1</NextPartNumberMarker><MaxParts>1000</MaxParts>"
                                + "<IsTruncated>false</IsTruncated>"
                                + "<Part><PartNumber>1</PartNumber><LastModified>2023-11-22T05:42:34.000Z</LastModified>"
                                + "<ETag>\"CF3F46D505093571E916FCDD4967****\"</ETag><HashCrc64ecma>12066172435287683848</HashCrc64ecma>"
                                + "<Size>5368709120</Size></Part></ListPartsResult>",
                        ns),
                ListPartsResultXml.class);
        assertThat(r.parts).hasSize(1);
        assertThat(r.parts.get(0).size).isEqualTo(5_368_709_120L);
        assertThat(Long.parseUnsignedLong(r.parts.get(0).hashCrc64ecma)).isNegative(); // > Long.MAX_VALUE, kept exactly
        assertThat(Long.toUnsignedString(Long.parseUnsignedLong(r.parts.get(0).hashCrc64ecma)))
                .isEqualTo("12066172435287683848");
        assertThat(r.nextPartNumberMarker).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://doc.oss-cn-hangzhou.aliyuncs.com"})
    void errorWithExtraLeaves(String ns) {
        ErrorXml e = OssXml.read(
                doc(
                        "<Error><Code>MalformedXML</Code><Message>The XML you provided was not well-formed.</Message>"
                                + "<RequestId>6555AC764311A73931E0****</RequestId><HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>"
                                + "<ErrorDetail>the root node is not named Delete.</ErrorDetail><EC>0016-00000608</EC>"
                                + "<RecommendDoc>https://api.aliyun.com/troubleshoot?q=0016-00000608</RecommendDoc></Error>",
                        ns),
                ErrorXml.class);
        assertThat(e.code).isEqualTo("MalformedXML");
        assertThat(e.requestId).isEqualTo("6555AC764311A73931E0****");
        assertThat(e.hostId).isEqualTo("bucket.oss-cn-hangzhou.aliyuncs.com");
        assertThat(e.ec).isEqualTo("0016-00000608");
        assertThat(OssXml.leaves(e.others))
                .containsEntry("ErrorDetail", "the root node is not named Delete.")
                .containsKey("RecommendDoc");
    }

    @Test
    void realWorldErrorBodies() {
        ErrorXml skew = OssXml.read(
                doc(
                        "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and "
                                + "the current time is too large.</Message><RequestId>1</RequestId><HostId>h</HostId>"
                                + "<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestTime>2023-08-02T08:00:00.000Z</RequestTime>"
                                + "<ServerTime>2023-08-02T09:00:00.000Z</ServerTime><EC>0002-00000504</EC></Error>",
                        ""),
                ErrorXml.class);
        assertThat(OssXml.leaves(skew.others)).containsEntry("ServerTime", "2023-08-02T09:00:00.000Z");
        ErrorXml noSuchUpload = OssXml.read(
                doc(
                        "<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist. "
                                + "The upload ID may be invalid, or the upload may have been aborted or completed.</Message>"
                                + "<RequestId>2</RequestId><HostId>h</HostId><UploadId>0004B999EF5A239BB9138C6227D6****</UploadId></Error>",
                        ""),
                ErrorXml.class);
        assertThat(OssXml.leaves(noSuchUpload.others)).containsEntry("UploadId", "0004B999EF5A239BB9138C6227D6****");
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<Error><Code>&xxe;</Code></Error>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OssXml.read(xxe, ErrorXml.class))
                .isInstanceOf(OssXml.XmlException.class)
                .hasMessageContaining("DOCTYPE");
        byte[] billionLaughs =
                ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
                                + "<Error><Code>&lol2;</Code></Error>")
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OssXml.read(billionLaughs, ErrorXml.class)).isInstanceOf(OssXml.XmlException.class);
    }

    @Test
    void wrongRootOrGarbageIsAClearError() {
        assertThatThrownBy(() -> OssXml.read(
                        "<Error><Code>X</Code></Error>".getBytes(StandardCharsets.UTF_8), ListPartsResultXml.class))
                .isInstanceOf(OssXml.XmlException.class)
                .hasMessageContaining("ListPartsResultXml");
        assertThatThrownBy(() -> OssXml.read("not xml".getBytes(StandardCharsets.UTF_8), ErrorXml.class))
                .isInstanceOf(OssXml.XmlException.class);
    }

    @Test
    void completeRequestBodyListsPartsWithQuotedEtags() {
        CompleteRequestXml doc = new CompleteRequestXml();
        CompleteRequestXml.Part p = new CompleteRequestXml.Part();
        p.partNumber = 1;
        p.etag = "\"3349DC700140D7F86A0784842780****\"";
        doc.parts.add(p);
        String xml = new String(OssXml.write(doc), StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>"
                        + "<ETag>\"3349DC700140D7F86A0784842780****\"</ETag></Part></CompleteMultipartUpload>");
    }
}
