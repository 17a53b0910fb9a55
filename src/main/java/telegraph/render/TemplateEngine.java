package telegraph.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker behind one method. Templates are looked up first in the user's template folder
 * (when there is one) and then among the defaults the jar carries, so a user can override a
 * single template by copying it.
 */
public final class TemplateEngine {

    private final Configuration config;

    public TemplateEngine(Path userTemplates) throws IOException {
        config = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (userTemplates != null && Files.isDirectory(userTemplates)) {
            loaders.add(new FileTemplateLoader(userTemplates.toFile()));
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, "/templates"));
        config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        // Templates read records' components as properties: ${item.title}, not ${item.title()}.
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        config.setObjectWrapper(wrapper.build());
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setLocale(Locale.SIMPLIFIED_CHINESE);
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
    }

    /** Renders a template with the given variables; a broken template is reported by name. */
    public void render(String templateName, Map<String, Object> model, Writer out) throws IOException {
        try {
            Template template = config.getTemplate(templateName);
            template.process(model, out);
        } catch (TemplateException e) {
            throw new TemplateFailure(templateName, e);
        }
    }

    /** A template that could not be rendered; its message names the template and the line. */
    public static final class TemplateFailure extends RuntimeException {
        TemplateFailure(String templateName, TemplateException cause) {
            super("template " + templateName + ": " + firstLine(cause.getMessage()), cause);
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "error";
            }
            int nl = message.indexOf('\n');
            return nl < 0 ? message : message.substring(0, nl);
        }
    }
}
