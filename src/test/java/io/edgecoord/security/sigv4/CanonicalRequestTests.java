package io.edgecoord.security.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.edgecoord.security.sigv4.SigV4Result.Verified;

class CanonicalRequestTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                  | /",
        "/                                   | /",
        "/2015-03-31/functions/               | /2015-03-31/functions/",
        "/a/./b/../c                         | /a/c",
        "/a//b/.                             | /a/b",
        "/../a                               | /a",
        "/functions/arn%3Aaws%3Alambda/x     | /functions/arn%253Aaws%253Alambda/x",
        "/f/thermostat%3A%24LATEST           | /f/thermostat%253A%2524LATEST",
        "/caf%C3%A9/~user-_.                 | /caf%25C3%25A9/~user-_.",
        "/raw:colon$dollar                   | /raw%3Acolon%24dollar"})
    void encodesEachNormalizedPathSegmentOnceMore(String rawPath, String canonical) {
        assertThat(CanonicalRequest.uri(rawPath)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | ''",
        "b=2&a=1&a=0&B=3             | B=3&a=0&a=1&b=2",
        "flag                        | flag=",
        "=x&&y=                      | y=",
        "Qualifier=%24LATEST         | Qualifier=%24LATEST",
        "k=a+b&k=a%20b               | k=a%20b&k=a%2Bb",
        "k=%7e%2F/                   | k=~%2F%2F",
        "k=%zz%4                     | k=%25zz%254",
        "%C3%A4=%E2%82%AC            | %C3%A4=%E2%82%AC"})
    void decodesAndEncodesQueryParametersAgainAndSortsThem(String rawQuery, String canonical) {
        assertThat(CanonicalRequest.query(rawQuery)).isEqualTo(canonical);
    }

    @Test
    void trimsHeaderValuesCollapsesBlanksAndJoinsRepeats() {
        SigV4Request request = new SigV4Request("GET", "/", "", Map.of("X-Thing", List.of("  a \t  b  ", "c"),
                "host", List.of("gw:9000")), new byte[0], false);

        assertThat(CanonicalRequest.headers(request, List.of("host", "x-thing"))).isEqualTo("host:gw:9000\nx-thing:a b,c\n");
    }

    // AWS's published SigV4 test suite: get-vanilla and get-vanilla-query-order-key-case.
    @ParameterizedTest
    @CsvSource({
        "'', 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        "Param2=value2&Param1=value1, b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"})
    void matchesAwsPublishedTestVectors(String rawQuery, String signature) {
        SigV4Verifier verifier = new SigV4Verifier(id -> Optional.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
                .filter(secret -> id.equals("AKIDEXAMPLE")), Set.of("service"), Duration.ofMinutes(15));
        SigV4Request request = new SigV4Request("GET", "/", rawQuery, Map.of("Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"), "Authorization", List.of("AWS4-HMAC-SHA256 "
                        + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
                        + "Signature=" + signature)), new byte[0], false);

        assertThat(verifier.verify(request, Instant.parse("2015-08-30T12:36:00Z")))
                .isEqualTo(new Verified("AKIDEXAMPLE", "us-east-1", "service"));
    }
}
