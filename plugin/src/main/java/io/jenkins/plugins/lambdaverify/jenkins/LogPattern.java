package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A log pattern added to the config file's, e.g. {@code [regex: 'ModuleNotFoundError']} in Pipeline. */
public class LogPattern extends AbstractDescribableImpl<LogPattern> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String regex;
    private String name;
    private long threshold;

    @DataBoundConstructor
    public LogPattern(String regex) {
        this.regex = Util.fixNull(regex).trim();
    }

    public String getRegex() {
        return regex;
    }

    /** Shown in reports; the regex when unset. */
    @CheckForNull
    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    /** Matches allowed before the pattern fails the run (default 0). */
    public long getThreshold() {
        return threshold;
    }

    @DataBoundSetter
    public void setThreshold(long threshold) {
        this.threshold = Math.max(0, threshold);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogPattern other
                && regex.equals(other.regex)
                && Objects.equals(name, other.name)
                && threshold == other.threshold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(regex, name, threshold);
    }

    @Extension
    @Symbol("logPattern")
    public static class DescriptorImpl extends Descriptor<LogPattern> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Texts.get("LogPattern.displayName");
        }

        @POST
        public FormValidation doCheckRegex(@QueryParameter String value) {
            // Compiling a regex reveals nothing about the controller: no permission needed.
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.error(Texts.get("LogPattern.regexRequired"));
            }
            try {
                Pattern.compile(value);
                return FormValidation.ok();
            } catch (PatternSyntaxException e) {
                return FormValidation.error(Texts.get("LogPattern.regexInvalid", e.getDescription()));
            }
        }
    }
}
