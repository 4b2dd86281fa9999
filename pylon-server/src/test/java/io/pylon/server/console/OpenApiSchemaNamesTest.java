package io.pylon.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * springdoc names a schema after the simple name of its Java type (or its {@code @Schema(name)}), so two different
 * types with one simple name become one schema in {@code /v3/api-docs}: the document then describes one of them
 * wrongly, and the console's generated types with it. This test walks every type the REST controllers take or give
 * (bodies, answers, the types documented in {@code @Operation} responses, and every type reachable from those through
 * record components and fields) and fails when two of them would get the same schema name.
 */
class OpenApiSchemaNamesTest {

    private static final String BASE = "io.pylon";

    @Test
    void noTwoApiTypesShareASchemaName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (Class<?> type : apiTypes()) {
            byName.computeIfAbsent(schemaName(type), n -> new TreeSet<>()).add(type.getName());
        }
        Map<String, Set<String>> shared = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(shared).as("schema names used by more than one type (give one a distinct name)").isEmpty();
    }

    @Test
    void theWalkFindsTheTypesOfTheApi() {
        Set<String> names = apiTypes().stream().map(Class::getName).collect(Collectors.toSet());
        assertThat(names).contains("io.pylon.server.me.LiveSessionView", "io.pylon.server.live.SessionsEvent",
                "io.pylon.server.me.LiveSessionView$Estimate");
    }

    /** The schema name springdoc gives a type: its {@code @Schema(name)}, else its simple name. */
    static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
    }

    static Set<Class<?>> apiTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Deque<Type> todo = new ArrayDeque<>();
        for (var candidate : scanner.findCandidateComponents(BASE)) {
            Class<?> controller = load(candidate.getBeanClassName());
            for (Method method : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) continue;
                todo.add(method.getGenericReturnType());
                for (Parameter p : method.getParameters()) {
                    if (p.isAnnotationPresent(RequestBody.class)) todo.add(p.getParameterizedType());
                }
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null) {
                    for (ApiResponse response : operation.responses()) {
                        for (Content content : response.content()) {
                            todo.add(content.schema().implementation());
                            todo.addAll(List.of(content.schema().oneOf()));
                        }
                    }
                }
            }
        }
        Set<Class<?>> found = new HashSet<>();
        Set<Type> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (!seen.add(t)) continue;
            switch (t) {
                case ParameterizedType p -> {
                    todo.add(p.getRawType());
                    todo.addAll(List.of(p.getActualTypeArguments()));
                }
                case GenericArrayType a -> todo.add(a.getGenericComponentType());
                case WildcardType w -> todo.addAll(List.of(w.getUpperBounds()));
                case TypeVariable<?> v -> todo.addAll(List.of(v.getBounds()));
                case Class<?> c when c.isArray() -> todo.add(c.getComponentType());
                case Class<?> c when c.getName().startsWith(BASE + ".") && !c.isEnum() -> {
                    found.add(c);
                    if (c.isRecord()) {
                        for (RecordComponent rc : c.getRecordComponents()) todo.add(rc.getGenericType());
                    } else {
                        for (Field f : c.getDeclaredFields()) {
                            if (!Modifier.isStatic(f.getModifiers())) todo.add(f.getGenericType());
                        }
                    }
                    for (Class<?> sub : c.isSealed() ? c.getPermittedSubclasses() : new Class<?>[0]) todo.add(sub);
                }
                default -> { }
            }
        }
        return found;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
