package io.edgecoord.task;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

import io.edgecoord.support.ProcessCoordinatorTest;
import io.edgecoord.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** AWS's Java SDK deploys, versions, aliases and deletes functions here, and invokes them for real. */
class LambdaControlPlaneHttpTests extends ProcessCoordinatorTest {

    LambdaClient lambda;

    @BeforeEach
    void connect() {
        this.lambda = LambdaClient.builder()
            .endpointOverride(URI.create(baseUrl()))
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider
                .create(AwsBasicCredentials.create(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET)))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    }

    @AfterEach
    void disconnect() {
        this.lambda.close();
    }

    @Test
    void createInvokeUpdatePublishAliasRollBackAndDelete() {
        CreateFunctionResponse created = this.lambda.createFunction((create) -> create.functionName("sdk-hello")
            .runtime(Runtime.PYTHON3_11)
            .handler("app.handle")
            .role("arn:aws:iam::123456789012:role/ignored")
            .memorySize(192)
            .timeout(9)
            .environment((env) -> env.variables(java.util.Map.of("MODE", "one")))
            .code((code) -> code.zipFile(zip("one"))));
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:sdk-hello");
        assertThat(created.memorySize()).isEqualTo(192);
        assertThat(invoke("sdk-hello", null)).contains("one");

        this.lambda.updateFunctionCode((update) -> update.functionName("sdk-hello").zipFile(zip("two")));
        assertThat(this.lambda.publishVersion((publish) -> publish.functionName("sdk-hello")).version()).isEqualTo("2");
        var live = this.lambda.createAlias((alias) -> alias.functionName("sdk-hello").name("live")
            .functionVersion("2"));
        assertThat(live.aliasArn()).isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:sdk-hello:live");
        assertThat(invoke("sdk-hello", "live")).contains("two");

        this.lambda.updateAlias((alias) -> alias.functionName("sdk-hello").name("live").functionVersion("1"));
        assertThat(invoke("sdk-hello", "live")).contains("one");
        assertThat(this.lambda.getAlias((alias) -> alias.functionName("sdk-hello").name("live")).functionVersion())
            .isEqualTo("1");
        assertThat(this.lambda.listAliases((list) -> list.functionName("sdk-hello")).aliases()).hasSize(1);

        var updated = this.lambda.updateFunctionConfiguration((update) -> update
            .functionName("sdk-hello").memorySize(256).environment((env) -> env.variables(java.util.Map.of("X", "1"))));
        assertThat(updated.memorySize()).isEqualTo(256);
        assertThat(updated.environment().variables()).containsOnlyKeys("X");
        assertThat(this.lambda.getFunctionConfiguration((get) -> get.functionName("sdk-hello").qualifier("1"))
            .memorySize()).isEqualTo(192);
        assertThat(this.lambda.getFunction((get) -> get.functionName("sdk-hello")).configuration().handler())
            .isEqualTo("app.handle");
        assertThat(this.lambda.listVersionsByFunction((list) -> list.functionName("sdk-hello")).versions())
            .extracting(FunctionConfiguration::version)
            .containsExactly("$LATEST", "1", "2", "3");

        assertThat(this.lambda.putFunctionConcurrency((put) -> put.functionName("sdk-hello")
            .reservedConcurrentExecutions(3)).reservedConcurrentExecutions()).isEqualTo(3);
        this.lambda.deleteFunctionConcurrency((delete) -> delete.functionName("sdk-hello"));
        assertThat(this.lambda.getAccountSettings().accountUsage().functionCount()).isPositive();

        this.lambda.deleteAlias((alias) -> alias.functionName("sdk-hello").name("live"));
        this.lambda.deleteFunction((delete) -> delete.functionName("sdk-hello"));
        assertThatExceptionOfType(ResourceNotFoundException.class)
            .isThrownBy(() -> this.lambda.getFunction((get) -> get.functionName("sdk-hello")));
    }

    @Test
    void aChangeConditionedOnAStaleRevisionIdIsRefusedAndOnTheCurrentOneIsMade() {
        create("sdk-revision");
        String first = this.lambda.getFunctionConfiguration((get) -> get.functionName("sdk-revision")).revisionId();
        assertThat(first).isNotBlank();

        String second = this.lambda.updateFunctionConfiguration((update) -> update.functionName("sdk-revision")
            .timeout(7).revisionId(first)).revisionId();

        assertThat(second).isNotEqualTo(first);
        assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> this.lambda
            .updateFunctionConfiguration((update) -> update.functionName("sdk-revision").timeout(8).revisionId(first)));
        assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> this.lambda
            .updateFunctionCode((update) -> update.functionName("sdk-revision").zipFile(zip("x")).revisionId(first)));
        assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> this.lambda
            .publishVersion((publish) -> publish.functionName("sdk-revision").revisionId(first)));
        assertThat(this.lambda.publishVersion((publish) -> publish.functionName("sdk-revision").revisionId(second))
            .revisionId()).isEqualTo(second);
        assertThat(this.lambda.getFunctionConfiguration((get) -> get.functionName("sdk-revision")).timeout()).isEqualTo(7);
        this.lambda.deleteFunction((delete) -> delete.functionName("sdk-revision"));
    }

    @Test
    void aDescriptionIsKeptAndAnsweredAndChangesTheRevisionId() {
        CreateFunctionResponse created = this.lambda.createFunction((create) -> create.functionName("sdk-described")
            .runtime(Runtime.PYTHON3_11).handler("app.handle").role("arn:aws:iam::123456789012:role/ignored")
            .description("reads the boiler").code((code) -> code.zipFile(zip("d"))));
        assertThat(created.description()).isEqualTo("reads the boiler");

        var changed = this.lambda.updateFunctionConfiguration((update) -> update.functionName("sdk-described")
            .description("reads both boilers"));

        assertThat(changed.description()).isEqualTo("reads both boilers");
        assertThat(changed.revisionId()).isNotEqualTo(created.revisionId());
        assertThat(this.lambda.getFunction((get) -> get.functionName("sdk-described")).configuration().description())
            .isEqualTo("reads both boilers");
        assertThat(this.lambda.listFunctions().functions()).filteredOn((f) -> f.functionName().equals("sdk-described"))
            .extracting(FunctionConfiguration::description).containsExactly("reads both boilers");
        this.lambda.deleteFunction((delete) -> delete.functionName("sdk-described"));
    }

    @Test
    void listsFunctionsPageByPageWithMarkers() {
        for (String name : List.of("page-a", "page-b", "page-c")) {
            create(name);
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListFunctionsResponse page = this.lambda.listFunctions((list) -> list.maxItems(1).marker(from));
            page.functions().forEach((function) -> names.add(function.functionName()));
            marker = page.nextMarker();
        }
        while (marker != null);
        assertThat(names).containsSubsequence("page-a", "page-b", "page-c");
    }

    @Test
    void errorsTakeLambdasShapes() {
        create("errors");
        assertThatExceptionOfType(ResourceConflictException.class).isThrownBy(() -> create("errors"));
        assertThatExceptionOfType(InvalidParameterValueException.class)
            .isThrownBy(() -> this.lambda.createFunction((create) -> create.functionName("nodejs-one")
                .runtime(Runtime.NODEJS20_X).handler("index.handler").code((code) -> code.zipFile(zip("x")))))
            .satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
        assertThatExceptionOfType(InvalidParameterValueException.class)
            .isThrownBy(() -> this.lambda.updateFunctionConfiguration((update) -> update.functionName("errors")
                .memorySize(1)));
        assertThatExceptionOfType(ResourceNotFoundException.class)
            .isThrownBy(() -> this.lambda.getFunction((get) -> get.functionName("nobody")));
        assertThatExceptionOfType(ResourceNotFoundException.class)
            .isThrownBy(() -> this.lambda.getAlias((get) -> get.functionName("errors").name("nope")));
        assertThatExceptionOfType(ResourceNotFoundException.class)
            .isThrownBy(() -> this.lambda.invoke((call) -> call.functionName("errors").qualifier("nope")));
        this.lambda.createAlias((alias) -> alias.functionName("errors").name("live").functionVersion("1"));
        assertThatExceptionOfType(ResourceConflictException.class).isThrownBy(() -> this.lambda
            .createAlias((alias) -> alias.functionName("errors").name("live").functionVersion("1")));
        assertThatExceptionOfType(InvalidParameterValueException.class).isThrownBy(() -> this.lambda
            .createAlias((alias) -> alias.functionName("errors").name("beta").functionVersion("9")));
    }

    @Test
    void createsANodeFunctionOnNodejs18ButRefusesNodejs20() {
        this.lambda.createFunction((create) -> create.functionName("node-one").runtime(Runtime.NODEJS18_X)
            .handler("index.handler").role("ignored").code((code) -> code.zipFile(SdkBytes.fromByteArray(Zips.zip()
                .file("index.js", "exports.handler = async () => 'hi';\n").bytes()))));

        assertThat(this.lambda.getFunctionConfiguration((get) -> get.functionName("node-one")).runtime())
            .isEqualTo(Runtime.NODEJS18_X);
        assertThatExceptionOfType(InvalidParameterValueException.class)
            .isThrownBy(() -> this.lambda.createFunction((create) -> create.functionName("node-two")
                .runtime(Runtime.NODEJS20_X).handler("index.handler").code((code) -> code.zipFile(zip("x")))))
            .withMessageContaining("nodejs18.x");
    }

    private void create(String name) {
        this.lambda.createFunction((create) -> create.functionName(name).runtime(Runtime.PYTHON3_11)
            .handler("app.handle").role("ignored").code((code) -> code.zipFile(zip(name))));
    }

    private String invoke(String name, String qualifier) {
        InvokeResponse response = this.lambda.invoke((call) -> call.functionName(name).qualifier(qualifier)
            .payload(SdkBytes.fromString("{}", StandardCharsets.UTF_8)));
        assertThat(response.functionError()).isNull();
        return response.payload().asUtf8String();
    }

    private static SdkBytes zip(String greeting) {
        return SdkBytes.fromByteArray(Zips.zip()
            .file("app.py", "def handle(event, context):\n    return {\"greeting\": \"" + greeting + "\"}\n")
            .bytes());
    }
}
