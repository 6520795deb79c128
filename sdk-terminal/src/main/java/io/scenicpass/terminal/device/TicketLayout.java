package io.scenicpass.terminal.device;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a printed ticket looks like, independent of the printer's language: text lines (bold, large, centred), QR
 * codes (the pass text), blank feeds, and a cut at the end. Immutable.
 *
 * <pre>{@code
 * TicketLayout ticket = TicketLayout.builder()
 *     .line("西湖景区 West Lake", Style.LARGE, Style.BOLD, Style.CENTRED)
 *     .line("成人票 Adult ×1")
 *     .qr(passText)
 *     .build();
 * }</pre>
 */
public final class TicketLayout {
    /** Longest QR payload in bytes (QR version 40, byte mode, error correction L). */
    public static final int MAX_QR_BYTES = 2953;

    /** Text styles. */
    public enum Style {
        /** Emphasised. */
        BOLD,
        /** Double width and height. */
        LARGE,
        /** Centred on the paper. */
        CENTRED
    }

    /** What an element is. */
    public enum Kind {
        /** One line of text. */
        TEXT,
        /** A QR code (centred). */
        QR,
        /** Blank lines. */
        FEED
    }

    /** One element of the layout. */
    public static final class Element {
        private final Kind kind;
        private final String text;
        private final Set<Style> styles;
        private final int lines;

        private Element(Kind kind, String text, Set<Style> styles, int lines) {
            this.kind = kind;
            this.text = text;
            this.styles = styles;
            this.lines = lines;
        }

        /** The kind. */
        public Kind kind() {
            return kind;
        }

        /** The line's text or the QR payload; empty for a feed. */
        public String text() {
            return text;
        }

        /** The text styles (empty unless a text line). */
        public Set<Style> styles() {
            return styles;
        }

        /** True when a text line has the style. */
        public boolean has(Style s) {
            return styles.contains(s);
        }

        /** Number of blank lines of a feed (0 otherwise). */
        public int lines() {
            return lines;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Element)) {
                return false;
            }
            Element e = (Element) o;
            return kind == e.kind && lines == e.lines && text.equals(e.text) && styles.equals(e.styles);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, text, styles, lines);
        }

        @Override
        public String toString() {
            return kind == Kind.FEED ? "FEED " + lines : kind + (styles.isEmpty() ? "" : " " + styles) + " " + text;
        }
    }

    private final List<Element> elements;
    private final boolean cut;

    private TicketLayout(Builder b) {
        this.elements = Collections.unmodifiableList(new ArrayList<>(b.elements));
        this.cut = b.cut;
    }

    /** A builder for an empty ticket that is cut at the end. */
    public static Builder builder() {
        return new Builder();
    }

    /** The elements, top to bottom. */
    public List<Element> elements() {
        return elements;
    }

    /** True when the paper is cut after the ticket. */
    public boolean cut() {
        return cut;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketLayout
                && ((TicketLayout) o).cut == cut
                && ((TicketLayout) o).elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(elements, cut);
    }

    @Override
    public String toString() {
        return "TicketLayout" + elements + (cut ? " + cut" : "");
    }

    /** Builder for {@link TicketLayout}. */
    public static final class Builder {
        private final List<Element> elements = new ArrayList<>();
        private boolean cut = true;

        private Builder() {}

        /** A line of text (no control characters; the printer wraps lines longer than the paper). */
        public Builder line(String text, Style... styles) {
            Objects.requireNonNull(text, "text");
            for (int i = 0; i < text.length(); i++) {
                if (Character.isISOControl(text.charAt(i))) {
                    throw new IllegalArgumentException("a ticket line must not contain control characters");
                }
            }
            EnumSet<Style> set = EnumSet.noneOf(Style.class);
            Collections.addAll(set, styles);
            elements.add(new Element(Kind.TEXT, text, Collections.unmodifiableSet(set), 0));
            return this;
        }

        /** A QR code of {@code payload} (UTF-8, 1 to {@link #MAX_QR_BYTES} bytes). */
        public Builder qr(String payload) {
            int n = Objects.requireNonNull(payload, "payload").getBytes(StandardCharsets.UTF_8).length;
            if (n == 0 || n > MAX_QR_BYTES) {
                throw new IllegalArgumentException("a QR payload has 1 to " + MAX_QR_BYTES + " bytes, not " + n);
            }
            elements.add(new Element(Kind.QR, payload, Collections.emptySet(), 0));
            return this;
        }

        /** {@code lines} blank lines (1 to 255). */
        public Builder feed(int lines) {
            if (lines < 1 || lines > 255) {
                throw new IllegalArgumentException("feed 1 to 255 lines, not " + lines);
            }
            elements.add(new Element(Kind.FEED, "", Collections.emptySet(), lines));
            return this;
        }

        /** Whether to cut the paper after the ticket (default true). */
        public Builder cut(boolean v) {
            this.cut = v;
            return this;
        }

        /** Builds the layout. */
        public TicketLayout build() {
            return new TicketLayout(this);
        }
    }
}
