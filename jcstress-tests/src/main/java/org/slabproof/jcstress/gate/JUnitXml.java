package org.slabproof.jcstress.gate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the gate's verdicts as a JUnit XML report (one {@code testcase} per selected test), the
 * format CI servers show. A FAILED test is a {@code failure}, an ERROR or NOT RUN an {@code error};
 * every observed outcome and jcstress's messages go to {@code system-out}.
 *
 * <p>Implementation notes. {@link XMLStreamWriter} escapes markup but writes every character it is
 * given, and XML 1.0 cannot carry most control characters at all (a fork's error output can hold
 * terminal escapes or a NUL); a parser rejects the whole report over one of them. {@link #text}
 * therefore replaces each such character by its {@code \}{@code uXXXX} spelling, so it stays
 * visible in the report instead of breaking it or vanishing.
 */
final class JUnitXml {
    private JUnitXml() {
    }

    /** Writes {@code tests} to {@code file} as one test suite named {@code suite} that took {@code seconds}. */
    static void write(Path file, String suite, long seconds, List<TestReport> tests) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            attribute(x, "name", suite);
            attribute(x, "tests", tests.size());
            attribute(x, "failures", tests.stream().filter(t -> t.verdict() == Verdict.FAILED).count());
            attribute(x, "errors", tests.stream().filter(t -> t.verdict() == Verdict.ERROR
                    || t.verdict() == Verdict.NOT_RUN).count());
            attribute(x, "skipped", 0);
            attribute(x, "time", seconds);
            for (TestReport t : tests) {
                testcase(x, t);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file, e);
        }
    }

    private static void testcase(XMLStreamWriter x, TestReport t) throws XMLStreamException {
        int dot = t.name().lastIndexOf('.');
        x.writeCharacters("\n  ");
        x.writeStartElement("testcase");
        attribute(x, "classname", t.name().substring(0, dot));
        attribute(x, "name", t.name().substring(dot + 1));
        if (t.verdict() != Verdict.PASS) {
            x.writeCharacters("\n    ");
            x.writeEmptyElement(t.verdict() == Verdict.FAILED ? "failure" : "error");
            attribute(x, "type", t.verdict() == Verdict.FAILED ? "FORBIDDEN" : t.verdict().label());
            attribute(x, "message", t.details());
        }
        if (!t.outcomes().isEmpty() || !t.messages().isEmpty()) {
            StringBuilder out = new StringBuilder("\n");
            for (TestReport.Outcome o : t.outcomes()) {
                out.append(String.format(Locale.ROOT, "%,14d  %-10s  %s  (%s)%n", o.count(), o.expect(), o.outcome(),
                        o.description()));
            }
            t.messages().forEach(m -> out.append(m).append('\n'));
            x.writeCharacters("\n    ");
            x.writeStartElement("system-out");
            x.writeCharacters(text(out.toString()));
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void attribute(XMLStreamWriter x, String name, Object value) throws XMLStreamException {
        x.writeAttribute(name, text(String.valueOf(value)));
    }

    /**
     * {@code s} with every character XML 1.0 cannot carry (controls other than tab, newline and
     * carriage return; lone surrogates; U+FFFE and U+FFFF) written as {@code \}{@code uXXXX}.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (legal) {
                b.appendCodePoint(c);
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04X", c));
            }
        });
        return b.toString();
    }
}
