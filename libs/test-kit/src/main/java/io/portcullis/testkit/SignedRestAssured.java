package io.portcullis.testkit;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * RestAssured's requests to {@code /v1} routes signed as {@link TestSigning} signs them: as the root of the path's
 * account unless the test says otherwise with a header this filter takes off before sending:
 * {@value #SIGN_AS} ({@code accessKeyId:secret}), {@value #REGION} (another region), {@value #UNSIGNED} (send it
 * with no signature at all). A request that already carries an {@code Authorization} header or a presigned query is
 * sent as it is. The body is sent as the exact bytes signed (UTF-8).
 */
public final class SignedRestAssured implements Filter {

    public static final String SIGN_AS = "X-Testkit-Sign-As";
    public static final String REGION = "X-Testkit-Region";
    public static final String UNSIGNED = "X-Testkit-Unsigned";

    private static final SignedRestAssured INSTANCE = new SignedRestAssured();

    /** Signs every request RestAssured sends from this JVM (once; later calls do nothing). */
    public static synchronized void install() {
        if (!io.restassured.RestAssured.filters().contains(INSTANCE)) {
            io.restassured.RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        String signAs = request.getHeaders().getValue(SIGN_AS);
        String region = request.getHeaders().getValue(REGION);
        boolean unsigned = request.getHeaders().hasHeaderWithName(UNSIGNED);
        request.removeHeader(SIGN_AS);
        request.removeHeader(REGION);
        request.removeHeader(UNSIGNED);
        URI uri = URI.create(request.getURI());
        boolean signed = request.getHeaders().hasHeaderWithName("Authorization")
                || (uri.getRawQuery() != null && uri.getRawQuery().contains("X-Amz-Signature="));
        if (unsigned || signed || uri.getRawPath() == null || !uri.getRawPath().startsWith("/v1/")) {
            return context.next(request, response);
        }
        Object body = request.getBody();
        byte[] bytes = body == null ? new byte[0] : body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
        if (body != null && !(body instanceof byte[])) {
            request.body(bytes);
        }
        TestSigning.Key key = signAs == null ? TestSigning.defaultKeyFor(uri.getRawPath()) : TestSigning.Key.parse(signAs);
        TestSigning.headers(request.getMethod(), uri, bytes, key, region == null ? "us-east-1" : region).forEach((name, value) -> {
            if (!name.equals("Host")) {
                request.header(name, value);
            }
        });
        return context.next(request, response);
    }
}
