package org.slabproof.jcstress.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.runners.TestList;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The JUnit XML report: it parses with a real XML parser whatever a fork printed, and characters
 * XML 1.0 cannot carry stay visible as {@code \}{@code uXXXX} text.
 */
class JUnitXmlTest {
    /** NUL, BEL, a terminal colour escape, markup, a lone surrogate, U+FFFE, and characters XML keeps. */
    private static final String NASTY = "fork said \u0000\u0007 \u001b[31mred\u001b[0m <&> \"q\" 'a' \uD800 \uFFFE tab\tend é 😀";

    @TempDir
    Path dir;

    @Test
    void controlCharactersAreReplacedVisiblyAndTheReportParses() throws Exception {
        TestResult crashed = new TestResult(Status.TEST_ERROR);
        crashed.addMessage(NASTY);
        crashed.addVMErrs(List.of("\u0001second line"));
        TestReport error = TestReport.grade(
                TestList.getInfo("org.slabproof.jcstress.Matrix_05_LastFreeVsTrim.DecrementAtFree"), crashed);
        TestReport failed = TestReportTest.grade(
                TestList.getInfo("org.slabproof.jcstress.Matrix_05_LastFreeVsTrim.DecBeforePublish"),
                Map.of("I4, trim 1, ok", 3L));
        Path file = dir.resolve("out/junit.xml");
        JUnitXml.write(file, "suite \u0002<x>", 7, List.of(error, failed));

        Document xml = GateReportTest.parse(file);
        Element suite = xml.getDocumentElement();
        assertEquals("suite \\u0002<x>", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));

        String expected = "fork said \\u0000\\u0007 \\u001B[31mred\\u001B[0m <&> \"q\" 'a' \\uD800 \\uFFFE tab\tend é 😀";
        Element errorElement = (Element) xml.getElementsByTagName("error").item(0);
        assertEquals("ERROR", errorElement.getAttribute("type"));
        // An attribute value keeps its text, but a parser turns a tab in it into a space.
        assertEquals(("jcstress status TEST_ERROR: " + expected + ": \\u0001second line").replace('\t', ' '),
                errorElement.getAttribute("message"));
        String out = xml.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.contains(expected + "\n\\u0001second line\n"), out);

        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertEquals("FORBIDDEN", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("I4 (\"I4, trim 1, ok\" x3"));
    }

    @Test
    void textKeepsWhatXmlCarries() {
        assertEquals("a\tb\nc\r d é 😀 \uD7FF \uE000 \uFFFD", JUnitXml.text("a\tb\nc\r d é 😀 \uD7FF \uE000 \uFFFD"));
        assertEquals("\\u0000\\u001F\\uDC00\\uFFFF", JUnitXml.text("\u0000\u001f\uDC00\uFFFF"));
    }
}
