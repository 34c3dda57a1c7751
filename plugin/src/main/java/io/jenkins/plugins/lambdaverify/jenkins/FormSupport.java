package io.jenkins.plugins.lambdaverify.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.Mode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The form logic both descriptors and the global configuration share: drop-downs and validation, with the permission
 * checks of the credentials plugin's consumer guide (nothing is listed or looked up for users who cannot configure).
 */
final class FormSupport {
    /**
     * Regions offered in the drop-down. A free-text region still works everywhere (new regions must never need a
     * plugin release); this list is only a convenience.
     */
    static final List<String> REGIONS = List.of(
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "af-south-1",
            "ap-east-1",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-7",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ca-central-1",
            "ca-west-1",
            "eu-central-1",
            "eu-central-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "eu-south-1",
            "eu-south-2",
            "eu-north-1",
            "il-central-1",
            "me-south-1",
            "me-central-1",
            "mx-central-1",
            "sa-east-1",
            "us-gov-east-1",
            "us-gov-west-1",
            "cn-north-1",
            "cn-northwest-1");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private FormSupport() {}

    /** Whether the current user may see the choices for {@code item} (or the global configuration when null). */
    static boolean canConfigure(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    static ListBoxModel credentialsItems(@CheckForNull Item item, @CheckForNull String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = Util.fixNull(current);
        if (!canConfigure(item)) {
            result.includeCurrentValue(value);
            return result;
        }
        Authentication auth = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        result.includeEmptyValue()
                .includeMatchingAs(
                        auth, item, AmazonWebServicesCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(value);
        return result;
    }

    static FormValidation checkCredentialsId(@CheckForNull Item item, @CheckForNull String value) {
        if (!canConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            return FormValidation.warning(Texts.get("Form.credentialsExpression"));
        }
        Authentication auth = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        if (CredentialsProvider.listCredentialsInItem(
                        AmazonWebServicesCredentials.class, item, auth, List.of(), CredentialsMatchers.withId(value))
                .isEmpty()) {
            return FormValidation.error(Texts.get("Form.credentialsNotFound", value));
        }
        return FormValidation.ok();
    }

    static FormValidation checkRegion(@CheckForNull String value) {
        String region = Util.fixEmptyAndTrim(value);
        if (region == null || region.contains("$") || REGION.matcher(region).matches()) {
            return FormValidation.ok();
        }
        return FormValidation.warning(Texts.get("Form.regionUnusual", region));
    }

    static ListBoxModel modeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Texts.get("Form.fromConfig"), "");
        for (Mode mode : Mode.values()) {
            items.add(mode.id());
        }
        return items;
    }

    static ListBoxModel eventFormatItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Texts.get("Form.fromConfig"), "");
        for (EventFormat format : EventFormat.values()) {
            items.add(format.id());
        }
        return items;
    }

    static ListBoxModel rollbackItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Texts.get("Form.fromConfig"), "");
        for (String strategy : RollbackStrategies.ALL) {
            items.add(strategy);
        }
        return items;
    }

    static ListBoxModel resultOnFailureItems() {
        ListBoxModel items = new ListBoxModel();
        for (ResultPolicy policy : ResultPolicy.values()) {
            items.add(Texts.get("ResultPolicy." + policy.name()), policy.name());
        }
        return items;
    }

    static FormValidation checkUrl(@CheckForNull String value) {
        String url = Util.fixEmptyAndTrim(value);
        if (url == null || url.contains("$")) {
            return FormValidation.ok();
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return FormValidation.ok();
        }
        return FormValidation.error(Texts.get("Form.urlInvalid", url));
    }

    static FormValidation checkPositiveInteger(@CheckForNull String value) {
        return checkInteger(value, 1);
    }

    static FormValidation checkNonNegativeInteger(@CheckForNull String value) {
        return checkInteger(value, 0);
    }

    private static FormValidation checkInteger(@CheckForNull String value, int min) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        try {
            if (Integer.parseInt(text) >= min) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error(Texts.get("Form.numberInvalid", text, min));
    }
}
