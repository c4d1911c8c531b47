package org.ossmultipart.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.units.ByteSize;
import org.ossmultipart.camel.units.Durations;
import org.ossmultipart.camel.upload.MultipartUploader;
import org.ossmultipart.camel.upload.UploadSnapshot;

/**
 * The {@code oss-multipart} dev console: per endpoint, the uploads running now with their progress,
 * the last ones that ended, and the janitor's last pass. Text and JSON, as Camel's consoles are.
 */
@DevConsole(
        group = "camel",
        name = "oss-multipart",
        displayName = "OSS Multipart",
        description = "Uploads in flight, recent uploads and the janitor's last pass of oss-multipart endpoints")
public class OssMultipartDevConsole extends AbstractDevConsole {

    public OssMultipartDevConsole() {
        super(
                "camel",
                "oss-multipart",
                "OSS Multipart",
                "Uploads in flight, recent uploads and the janitor's last pass of oss-multipart endpoints");
    }

    private List<OssMultipartEndpoint> endpoints() {
        List<OssMultipartEndpoint> list = new ArrayList<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof OssMultipartEndpoint oss) {
                list.add(oss);
            }
        }
        return list;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (OssMultipartEndpoint endpoint : endpoints()) {
            sb.append(String.format("Endpoint: %s (%s)%n", endpoint.getEndpointBaseUri(), endpoint.role()));
            if (endpoint.getCredentialsSource() != null) {
                sb.append(String.format("  Credentials: %s%n", endpoint.credentialsLine()));
            }
            MultipartUploader uploader = endpoint.getUploader();
            List<UploadSnapshot> running =
                    uploader == null ? List.of() : uploader.board().running();
            sb.append(String.format("  In flight: %d%n", running.size()));
            running.forEach(u -> sb.append("    ").append(line(u)).append(System.lineSeparator()));
            List<UploadSnapshot> finished =
                    uploader == null ? List.of() : uploader.board().finished();
            sb.append(String.format("  Recent: %d%n", finished.size()));
            finished.forEach(u -> sb.append("    ").append(line(u)).append(System.lineSeparator()));
            JanitorPass pass = endpoint.getLastJanitorPass();
            if (pass != null) {
                sb.append("  Janitor: ").append(pass.summary()).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    private static String line(UploadSnapshot u) {
        String total = u.progress().totalBytes() >= 0
                ? " of " + ByteSize.format(u.progress().totalBytes())
                : "";
        return String.format(
                Locale.ROOT,
                "oss://%s/%s upload %s: %s%s, %d parts done, %d in flight, %.1f MiB/s, %s%s",
                u.bucket(),
                u.key(),
                u.uploadId() == null ? "-" : u.uploadId(),
                ByteSize.format(u.progress().bytesDone()),
                total,
                u.progress().partsDone(),
                u.progress().partsInFlight(),
                u.mibPerSecond(),
                Durations.format(u.elapsed()),
                u.outcome() == null ? "" : ", " + u.outcome() + (u.errorCode() == null ? "" : " " + u.errorCode()));
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (OssMultipartEndpoint endpoint : endpoints()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("endpoint", endpoint.getEndpointBaseUri());
            e.put("bucket", endpoint.getBucketName());
            e.put("role", endpoint.role());
            e.put("credentials", endpoint.getCredentialsSource());
            e.put(
                    "credentialsExpire",
                    endpoint.getCredentialsExpiration() == null
                            ? null
                            : endpoint.getCredentialsExpiration().toString());
            MultipartUploader uploader = endpoint.getUploader();
            e.put(
                    "inFlight",
                    uploader == null
                            ? List.of()
                            : uploader.board().running().stream()
                                    .map(OssMultipartDevConsole::json)
                                    .toList());
            e.put(
                    "recent",
                    uploader == null
                            ? List.of()
                            : uploader.board().finished().stream()
                                    .map(OssMultipartDevConsole::json)
                                    .toList());
            JanitorPass pass = endpoint.getLastJanitorPass();
            if (pass != null) {
                e.put("janitorLastPass", pass.toMap());
            }
            list.add(e);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("endpoints", list);
        return root;
    }

    private static Map<String, Object> json(UploadSnapshot u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", u.bucket());
        m.put("key", u.key());
        m.put("uploadId", u.uploadId());
        m.put("bytesDone", u.progress().bytesDone());
        m.put("totalBytes", u.progress().totalBytes());
        m.put("partsDone", u.progress().partsDone());
        m.put("partsInFlight", u.progress().partsInFlight());
        m.put("mibPerSecond", Math.round(u.mibPerSecond() * 10) / 10.0);
        m.put("started", u.started().toString());
        m.put("elapsedMillis", u.elapsed().toMillis());
        if (u.outcome() != null) {
            m.put("outcome", u.outcome());
            m.put("errorCode", u.errorCode());
        }
        return m;
    }
}
