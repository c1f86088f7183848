import FeedFlipReport
import Foundation
import XCTest

/// The variant names of the paper (mirrors FeedFlipCore's `Variant.all`; Report does not depend on Core).
let paperVariants = ["Backprop", "Vanilla DFA", "Structured DFA", "Ternary static Δ", "Ternary + adaptive Δ",
                     "Ternary + adaptive + ortho B", "Ternary + adaptive + ortho B + cal", "+Shadow", "+Momentum",
                     "Ternary DFA on Transformer/LLM", "FeedFlip"]

/// The package root, from this file's path (Tests/FeedFlipReportTests/<file>).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

final class ClaimSetTests: XCTestCase {
    private func decodeError(_ json: String) -> String {
        do {
            _ = try ClaimSet.decode(Data(json.utf8), file: "paper/claims.json", variants: paperVariants)
            XCTFail("expected an error for \(json)")
            return ""
        } catch {
            return error.description
        }
    }

    private func one(_ fields: String) -> String {
        """
        {"format": "feedflip-claims/1", "claims": [{"id": "ts.cal", "statement": "s", "source": "src",
         "interpretation": "i", \(fields)}]}
        """
    }

    func testUnknownMetricNamesFileClaimAndKnownFamilies() {
        let message = decodeError(one(#""metric": "rel_mse", "reference": {"point": 5}"#))
        XCTAssertTrue(message.hasPrefix("paper/claims.json: claim \"ts.cal\": unknown metric \"rel_mse\"; known: ts.rel_mse_pct, "),
                      message)
        XCTAssertTrue(message.contains("tiny.bigram_bpc"), message)
    }

    func testMalformedClaimsGiveFilePlaceProblemAndFix() {
        let cases: [(String, String)] = [
            ("{", "paper/claims.json: not valid JSON"),
            (#"{"format": "feedflip-claims/1", "claims": {}}"#, "paper/claims.json: field \"claims\": expected an array of claims"),
            (#"{"format": "v0", "claims": []}"#, "paper/claims.json: field \"format\": expected \"feedflip-claims/1\""),
            (one(#""metric": "ts.rel_mse_pct[Vanila DFA]", "reference": {"point": 5}"#),
             "paper/claims.json: claim \"ts.cal\": metric \"ts.rel_mse_pct[Vanila DFA]\": unknown variant \"Vanila DFA\"; known: Backprop"),
            (one(#""metric": "ts.final_mse[Backprop|d=2]", "reference": {"point": 5}"#),
             "paper/claims.json: claim \"ts.cal\": metric \"ts.final_mse[Backprop|d=2]\" should have the form ts.final_mse[<variant>|d=<D>|k=<K>]"),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": {"pont": 5}"#),
             "paper/claims.json: claim \"ts.cal\" field \"reference\": expected one of point, range"),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": {"range": [10, 5]}"#),
             "paper/claims.json: claim \"ts.cal\" field \"reference\".range: low end 10 exceeds high end 5; write the range as [low, high]"),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": {"point": "5"}"#),
             "paper/claims.json: claim \"ts.cal\" field \"reference\".point: expected a number but found a string"),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": {"exact": 0.5}"#),
             "paper/claims.json: claim \"ts.cal\" field \"reference\": an exact reference needs \"relativeTolerance\""),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": "unstable""#),
             "paper/claims.json: claim \"ts.cal\" field \"metric\": an \"unstable\" claim needs a metric of ts.seed_spread"),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": {"point": 5}, "expect": "deviation""#),
             "paper/claims.json: claim \"ts.cal\": \"expect\": \"deviation\" needs a \"reason\""),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": {"point": 5}, "tolerence": {"absolute": 1}"#),
             "paper/claims.json: claim \"ts.cal\": unknown field \"tolerence\"; known: id, statement"),
            (one(#""metric": "ts.rel_mse_pct[Backprop]", "reference": {"point": 5}, "tolerance": {"absolute": -1}"#),
             "paper/claims.json: claim \"ts.cal\" field \"tolerance\": tolerances must not be negative"),
            (one(#""metric": "tiny.bpc[Backprop|d=2]", "reference": {"below": "tiny.trigram_bpc"}"#),
             "paper/claims.json: claim \"ts.cal\" field \"reference\": unknown metric \"tiny.trigram_bpc\""),
            (#"{"format": "feedflip-claims/1", "claims": [{"statement": "s"}]}"#,
             "paper/claims.json: claims[0]: missing field \"id\" (a non-empty string); add \"id\": \"...\""),
        ]
        for (json, prefix) in cases {
            let message = decodeError(json)
            XCTAssertTrue(message.hasPrefix(prefix), "\(message)\n  expected prefix: \(prefix)")
            XCTAssertFalse(message.contains("\n"), message)
        }
        let duplicate = """
        {"format": "feedflip-claims/1", "claims": [
          {"id": "a", "statement": "s", "source": "x", "interpretation": "i", "metric": "tiny.unigram_bpc", "reference": "tbd"},
          {"id": "a", "statement": "s", "source": "x", "interpretation": "i", "metric": "tiny.unigram_bpc", "reference": "tbd"}]}
        """
        XCTAssertEqual(decodeError(duplicate), "paper/claims.json: claims[1]: duplicate claim id \"a\"; give every claim its own id")
    }

    func testUnreadableFileIsNamed() {
        let url = URL(fileURLWithPath: "does/not/exist/claims.json")
        XCTAssertThrowsError(try ClaimSet.load(from: url)) { error in
            XCTAssertTrue("\(error)".hasPrefix("does/not/exist/claims.json: cannot read the file"), "\(error)")
        }
    }

    func testToleranceInheritanceAndExpectation() throws {
        let json = """
        {"format": "feedflip-claims/1", "defaultTolerance": {"absolute": 2, "relative": 0.1}, "claims": [
          {"id": "a", "statement": "s", "source": "x", "interpretation": "i", "metric": "ts.rel_mse_pct[+Shadow]",
           "reference": {"point": 15}},
          {"id": "b", "statement": "s", "source": "x", "interpretation": "i", "metric": "ts.rel_mse_pct[+Shadow]",
           "reference": {"point": 15}, "tolerance": {"relative": 0.5}, "expect": "deviation", "reason": "known"},
          {"id": "c", "statement": "s", "source": "x", "interpretation": "i", "metric": "tiny.bpc[Backprop|d=2]",
           "reference": {"below": "tiny.bigram_bpc"}}]}
        """
        let set = try ClaimSet.decode(Data(json.utf8), file: "f.json", variants: paperVariants)
        XCTAssertEqual(set.claims[0].tolerance, Tolerance(absolute: 2, relative: 0.1))
        XCTAssertFalse(set.claims[0].toleranceIsOwn)
        XCTAssertEqual(set.claims[1].tolerance, Tolerance(absolute: 0, relative: 0.5))
        XCTAssertEqual(set.claims[1].expectation, .deviation(reason: "known"))
        XCTAssertEqual(set.claims[2].tolerance, .zero)
    }

    /// Every number of CLAIMS.md is encoded, with the right kind; exactly the documented
    /// non-reproductions expect a deviation, each with its reason.
    func testPaperClaimsFileDecodesAndCoversClaimsMD() throws {
        let url = packageRoot.appendingPathComponent("paper/claims.json")
        let set = try ClaimSet.load(from: url, variants: paperVariants)
        func ref(_ metric: String) -> [Reference] { set.claims.filter { $0.metric == metric }.map(\.reference) }
        // §1, time series: every row of the ablation table.
        let ts: [(String, Reference)] = [
            ("Backprop", .point(0)), ("Vanilla DFA", .range(5, 10)), ("Structured DFA", .range(2, 3)),
            ("Ternary static Δ", .point(400)), ("Ternary + adaptive Δ", .point(80)),
            ("Ternary + adaptive + ortho B", .point(30)), ("Ternary + adaptive + ortho B + cal", .point(5)),
            ("+Shadow", .point(15)),
        ]
        for (variant, reference) in ts {
            XCTAssertEqual(ref("ts.rel_mse_pct[\(variant)]"), [reference], variant)
        }
        XCTAssertEqual(ref("ts.seed_spread[+Momentum]"), [.unstable])
        guard case .notApplicable? = ref("ts.rel_mse_pct[Ternary DFA on Transformer/LLM]").first else {
            return XCTFail("the Transformer/LLM row must be TBD")
        }
        // §1, MNIST at depth 2 where the column is a possible accuracy drop.
        for (variant, reference) in ts where variant != "Backprop" && variant != "Ternary static Δ" {
            XCTAssertEqual(ref("mnist.acc_drop_pp[\(variant)|d=2]").filter { $0 == reference }, [reference], variant)
        }
        // §2, the committed table, exactly.
        let committed: [(Int, Int, Double)] = [(1, 1, 0.1320558514171195), (1, 3, 0.49357554517092084),
                                               (2, 1, 0.12241912863488302), (2, 3, 0.4883272453502001)]
        for (d, k, value) in committed {
            XCTAssertEqual(ref("ts.committed[d=\(d)|k=\(k)]"), [.exact(value, relativeTolerance: 1e-9)])
        }
        // §3, literature.
        let nokland = try XCTUnwrap(set.claim(id: "lit.nokland-dfa"))
        XCTAssertEqual(nokland.reference, .atMost(1.5))
        XCTAssertEqual(nokland.metric, "mnist.acc_drop_pp[Vanilla DFA|d=2]")
        let liLiu = try XCTUnwrap(set.claim(id: "lit.li-liu-ternary"))
        XCTAssertEqual(liLiu.reference, .above(metric: "mnist.test_accuracy[Vanilla DFA|d=2]"))
        XCTAssertEqual(liLiu.tolerance.allowance(at: 97), 2)
        // §4, TinyStories.
        XCTAssertEqual(ref("tiny.bpc[Backprop|d=2]"), [.below(metric: "tiny.bigram_bpc")])
        guard case .notApplicable? = ref("tiny.bpc[Ternary DFA on Transformer/LLM|d=2]").first else {
            return XCTFail("TinyStories must be TBD")
        }
        XCTAssertEqual(set.defaultTolerance, .paperDefault)
        let deviations = set.claims.filter { $0.expectation != nil }
        XCTAssertEqual(Set(deviations.map(\.id)), ["ts.ternary-static", "ts.shadow", "mnist.ternary-adaptive",
                                                   "mnist.ternary-adaptive-ortho", "mnist.shadow"])
        for c in deviations {
            guard case let .deviation(reason)? = c.expectation else { return XCTFail(c.id) }
            XCTAssertGreaterThan(reason.count, 40, "\(c.id): the reason should explain the non-reproduction")
        }
        XCTAssertEqual(set.claims.count, 24)
        // The figures' reference marks: points and ranges only, first claim per metric.
        let marks = set.referenceValues
        XCTAssertEqual(marks["ts.rel_mse_pct[Vanilla DFA]"], 5...10)
        XCTAssertEqual(marks["ts.rel_mse_pct[+Shadow]"], 15...15)
        XCTAssertNil(marks["ts.rel_mse_pct[Ternary DFA on Transformer/LLM]"], "TBD has no mark")
        XCTAssertNil(marks["ts.seed_spread[+Momentum]"], "unstable has no mark")
        XCTAssertNil(marks["ts.committed[d=1|k=1]"], "exact claims are not drawn")
    }
}

final class ClaimSyntaxTests: XCTestCase {
    func testJSONSyntaxErrorsNameLineAndColumn() {
        let json = "{\n  \"format\": \"feedflip-claims/1\",\n  \"claims\": [1 2]\n}"
        XCTAssertThrowsError(try ClaimSet.decode(Data(json.utf8), file: "paper/claims.json")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("paper/claims.json: not valid JSON ("), text)
            XCTAssertTrue(text.contains("line 3"), text)
        }
    }
}
