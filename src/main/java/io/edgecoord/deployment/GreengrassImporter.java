package io.edgecoord.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import io.edgecoord.task.TaskBundles;

/**
 * Imports a Greengrass v1 group: stores each function's zip (content-addressed, so the bundle
 * names it by sha256 as any bundle names stored code), maps the group to a bundle, and dry-runs or
 * applies that bundle exactly as {@code POST /api/v1/deployments} does.
 */
@Service
class GreengrassImporter {

    private static final YAMLMapper yaml = YAMLMapper.builder().enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build();

    private final TaskBundles tasks;

    private final BundleApplier applier;

    GreengrassImporter(TaskBundles tasks, BundleApplier applier) {
        this.tasks = tasks;
        this.applier = applier;
    }

    /**
     * @param zips each function's zip, by its Lambda function name
     * @param apply whether to apply the bundle; otherwise it is a dry run
     */
    GreengrassImportResponse importGroup(JsonNode request, Map<String, byte[]> zips, boolean apply, String keyId) {
        GreengrassGroup group = GreengrassGroup.parse(request);
        List<String> functions = group.functions().stream()
            .map((f) -> GreengrassArns.function(GreengrassGroup.text(f, "FunctionArn")))
            .filter((f) -> f != null).map(GreengrassArns.Function::name).toList();
        Map<String, String> code = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> zip : zips.entrySet()) {
            if (!functions.contains(zip.getKey())) {
                throw new InvalidGreengrassGroupException("part " + zip.getKey(), "no function of the group is named '"
                        + zip.getKey() + "'; name each zip part after its function (" + functions + ").");
            }
            code.put(zip.getKey(), this.tasks.storeCode(zip.getValue()));
        }
        GreengrassMapping.Result result = GreengrassMapping.map(group, code);
        String bundle = yaml.writeValueAsString(result.bundle());
        DeploymentResponse deployment = this.applier.apply(bundle, !apply, keyId, null);
        return new GreengrassImportResponse(bundle, deployment, result.report().unmapped(),
                result.report().approximated());
    }

    /**
     * The answer of an import.
     *
     * @param bundle the configuration bundle the group became, as YAML; {@code POST /api/v1/deployments} takes it
     * @param deployment the dry run's diff, or the applied version with its diff
     * @param unmapped what of the group edgecoord cannot carry over, per item with the reason
     * @param approximated what it carried over differently, per item with how
     */
    record GreengrassImportResponse(String bundle, DeploymentResponse deployment, List<GreengrassReport.Item> unmapped,
            List<GreengrassReport.Item> approximated) {
    }
}
