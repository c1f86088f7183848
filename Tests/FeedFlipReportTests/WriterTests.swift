import FeedFlipReport
import Foundation
import XCTest

final class WriterTests: XCTestCase {
    func testMarkdownGolden() throws {
        assertGolden(MarkdownWriter.report(document: try Fixtures.document(), data: Fixtures.data), "sample.md")
    }

    func testLatexGolden() throws {
        assertGolden(LatexWriter.report(document: try Fixtures.document(), data: Fixtures.data), "sample.tex")
    }

    func testJUnitGoldenAndCounts() throws {
        let xml = JUnitWriter.xml(results: Fixtures.data.results, suite: "feedflip claims (smoke)")
        assertGolden(xml, "sample-junit.xml")
        // 9 claims: 2 FAIL (ternary-static, mnist not run? no: mnist is not run), skipped = not run + n/a.
        let counts = VerdictCounts(Fixtures.data.results)
        XCTAssertTrue(xml.contains("tests=\"9\" failures=\"\(counts.fail)\" errors=\"0\" skipped=\"\(counts.notRun + counts.notApplicable)\""))
        XCTAssertEqual(xml.components(separatedBy: "<testcase ").count - 1, 9)
        XCTAssertEqual(xml.components(separatedBy: "<failure ").count - 1, counts.fail)
        XCTAssertEqual(xml.components(separatedBy: "<skipped ").count - 1, counts.notRun + counts.notApplicable)
        XCTAssertFalse(xml.contains("5% & more"))
        XCTAssertTrue(xml.contains("5% &amp; more"))
    }

    func testJUnitIsWellFormedXML() throws {
        guard let xmllint = which("xmllint") ?? which("python3") else { throw XCTSkip("no XML checker installed") }
        let xml = JUnitWriter.xml(results: Fixtures.data.results) + ""
        let args = xmllint.hasSuffix("xmllint") ? ["--noout", "-"]
            : ["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())"]
        let (status, output) = try runTool(xmllint, args, input: xml)
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(JUnitWriter.escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;")
    }

    func testStepSummaryGolden() {
        let summary = MarkdownWriter.stepSummary(results: Fixtures.data.results)
        assertGolden(summary, "sample-summary.md")
        XCTAssertTrue(summary.contains(VerdictCounts(Fixtures.data.results).line))
    }

    func testEveryVerdictStateAppearsInTheFixture() {
        let labels = Set(Fixtures.data.results.map(\.verdict.label))
        XCTAssertEqual(labels, ["pass", "FAIL", "known deviation", "unexpected pass", "not run", "n/a"])
    }

    func testLatexEscaping() {
        XCTAssertEqual(LatexEscaping.text("_ % & # $ { } ~ ^ \\"),
                       "\\_\\allowbreak{} \\% \\& \\# \\$ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}")
        XCTAssertEqual(LatexEscaping.text("Δ ± − ≤ x̄"),
                       "\\ensuremath{\\Delta} \\ensuremath{\\pm} \\ensuremath{-} \\ensuremath{\\leq} \\ensuremath{\\bar{x}}")
        XCTAssertEqual(LatexEscaping.text("Nøkland é 😀"), "N{\\o}kland é [U+1F600]")
        XCTAssertEqual(LatexEscaping.text("CLAIMS.md §4"), "CLAIMS.md \\S{}4")
        XCTAssertEqual(LatexEscaping.code("a_b"), "a\\_\\allowbreak{}b")
        XCTAssertEqual(LatexEscaping.text("row \"FP\" and \"x\""), "row ``FP'' and ``x''")
        XCTAssertTrue(LatexWriter.claimsSection(data: Fixtures.data).contains("\\begin{longtable}"))
    }

    func testMarkdownEscaping() {
        XCTAssertEqual(MarkdownWriter.escape("a*b_c|d[e]"), "a\\*b\\_c\\|d\\[e\\]")
        let table = MarkdownWriter.render([.table(header: [[.text("a|b")], [.code("x|y")]], rows: [], caption: nil)])
        XCTAssertEqual(table, "| a\\|b | `x\\|y` |\n|---|---|\n")
        XCTAssertEqual(MarkdownWriter.render([.paragraph([.text("1. not a list")])]), "1\\. not a list\n")
    }
}

final class ResultJSONTests: XCTestCase {
    func testClaimResultsEncodeToFlatJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Fixtures.data.results)
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(objects.count, 9)
        XCTAssertEqual(objects[1]["id"] as? String, "ts.ternary-static")
        XCTAssertEqual(objects[1]["verdict"] as? String, "FAIL")
        XCTAssertEqual((objects[1]["value"] as? [String: Any])?["n"] as? Int, 10)
        XCTAssertEqual(objects[6]["reason"] as? String, "benchmark mnist is not in profile smoke")
        XCTAssertNil(objects[6]["value"])
    }
}
