package io.scenicpass.core.arch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Architecture checks over one artifact's compiled classes, for the SDK modules' tests: no public API
 * signature mentions a type from an {@code internal} package, and no cycles between packages.
 */
public final class ApiShape {
    private ApiShape() {}

    /** @return binary names of the classes in the classes directory that holds {@code anchor} */
    public static List<String> classNames(Class<?> anchor) {
        Path root = classesDirectory(anchor);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return one line per public API element (public class outside {@code internal} packages, its
     *     supertypes and its public or, when subclassable, protected members) whose signature mentions a
     *     type from an {@code internal} package
     */
    public static List<String> internalLeaks(Class<?> anchor) {
        List<String> out = new ArrayList<>();
        for (String name : classNames(anchor)) {
            if (isInternal(name)) {
                continue;
            }
            Class<?> c = load(name, anchor.getClassLoader());
            if (!isApi(c)) {
                continue;
            }
            List<Type> types = new ArrayList<>();
            types.add(c.getGenericSuperclass());
            types.addAll(List.of(c.getGenericInterfaces()));
            check(out, c.getName() + " (supertypes)", types);
            boolean subclassable = !Modifier.isFinal(c.getModifiers()) && !c.isEnum();
            for (Field f : c.getDeclaredFields()) {
                if (visible(f, subclassable)) {
                    check(out, c.getName() + "." + f.getName(), List.of(f.getGenericType()));
                }
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
            members.addAll(List.of(c.getDeclaredConstructors()));
            for (Executable m : members) {
                if (!m.isSynthetic() && visible(m, subclassable)) {
                    List<Type> sig = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                    sig.addAll(List.of(m.getGenericExceptionTypes()));
                    if (m instanceof Method) {
                        sig.add(((Method) m).getGenericReturnType());
                    }
                    check(out, c.getName() + "." + (m instanceof Constructor ? "<init>" : m.getName()), sig);
                }
            }
        }
        return out;
    }

    /**
     * Package dependencies read from the classes' constant pools (every class named in a signature, a field
     * or method reference or a constant), between packages below {@code prefix}.
     *
     * @param node maps a package name to the node it belongs to (e.g. an internal package to the public one
     *     it implements)
     * @return node → the other nodes it depends on
     */
    public static Map<String, Set<String>> packageGraph(Class<?> anchor, String prefix, UnaryOperator<String> node) {
        Pattern ref = Pattern.compile("(" + Pattern.quote(prefix.replace('.', '/')) + "(?:/[a-z][a-z0-9_]*)*)/[A-Z]");
        Path root = classesDirectory(anchor);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String name : classNames(anchor)) {
            String from = node.apply(packageOf(name));
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String utf8 : utf8Constants(root.resolve(name.replace('.', '/') + ".class"))) {
                Matcher m = ref.matcher(utf8);
                while (m.find()) {
                    String target = node.apply(m.group(1).replace('/', '.'));
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        }
        return graph;
    }

    /** @return the cycles of a graph (its strongly connected components with more than one node) */
    public static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        List<Set<String>> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            Set<String> component = new TreeSet<>();
            for (String other : reachable(graph, start)) {
                if (reachable(graph, other).contains(start)) {
                    component.add(other);
                }
            }
            done.addAll(component);
            if (component.size() > 1) {
                out.add(component);
            }
        }
        return out;
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (seen.add(n)) {
                todo.addAll(graph.getOrDefault(n, Set.of()));
            }
        }
        return seen;
    }

    private static boolean isApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member m, boolean subclassable) {
        int mod = m.getModifiers();
        return Modifier.isPublic(mod) || (subclassable && Modifier.isProtected(mod));
    }

    private static void check(List<String> out, String where, List<Type> types) {
        Set<String> internal = new TreeSet<>();
        for (Type t : types) {
            collect(t, internal, new HashSet<>());
        }
        if (!internal.isEmpty()) {
            out.add(where + " mentions " + internal);
        }
    }

    private static void collect(Type t, Set<String> internal, Set<Type> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (isInternal(c.getName())) {
                internal.add(c.getName());
            }
        } else if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            collect(p.getRawType(), internal, seen);
            collect(p.getOwnerType(), internal, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, internal, seen);
            }
        } else if (t instanceof GenericArrayType) {
            collect(((GenericArrayType) t).getGenericComponentType(), internal, seen);
        } else if (t instanceof WildcardType) {
            for (Type b : ((WildcardType) t).getUpperBounds()) {
                collect(b, internal, seen);
            }
            for (Type b : ((WildcardType) t).getLowerBounds()) {
                collect(b, internal, seen);
            }
        } else if (t instanceof TypeVariable) {
            for (Type b : ((TypeVariable<?>) t).getBounds()) {
                collect(b, internal, seen);
            }
        }
    }

    private static boolean isInternal(String className) {
        return ("." + packageOf(className) + ".").contains(".internal.");
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path classesDirectory(Class<?> anchor) {
        try {
            Path p = Paths.get(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("expected a classes directory, not " + p);
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UTF-8 entries of a class file's constant pool (class names, descriptors, signatures, strings). */
    private static List<String> utf8Constants(Path classFile) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(classFile);
                DataInputStream d = new DataInputStream(in)) {
            d.readInt(); // magic
            d.readUnsignedShort(); // minor
            d.readUnsignedShort(); // major
            int count = d.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1:
                        out.add(d.readUTF());
                        break;
                    case 3:
                    case 4:
                        d.readInt();
                        break;
                    case 5:
                    case 6:
                        d.readLong();
                        i++;
                        break;
                    case 7:
                    case 8:
                    case 16:
                    case 19:
                    case 20:
                        d.readUnsignedShort();
                        break;
                    case 9:
                    case 10:
                    case 11:
                    case 12:
                    case 17:
                    case 18:
                        d.readInt();
                        break;
                    case 15:
                        d.readUnsignedByte();
                        d.readUnsignedShort();
                        break;
                    default:
                        throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
