import XCTest
import FeedFlipCore

final class CharModelWindowsTests: XCTestCase {
    func testVocabularyEncodeDecodeUnknown() {
        let v = CharVocabulary(counting: ["bca", "a“"])
        XCTAssertEqual(v.count, 2 + 4)
        XCTAssertEqual(v.encode("abc“"), [2, 3, 4, 5])
        XCTAssertEqual(v.encode("az"), [2, CharVocabulary.unknown])
        XCTAssertEqual(v.decode([2, 0, 1, 5]), "a\n\u{FFFD}“")
        XCTAssertEqual(v.id(of: "c"), 4)
        XCTAssertEqual(v.id(of: "q"), CharVocabulary.unknown)
    }

    func testWindowsStayInsideTheirStory() {
        let w = CharWindows(stories: [[5, 6, 7], [8, 9]], context: 2)
        XCTAssertEqual(w.count, 3 + 1 + 2 + 1)
        let all = (0..<w.count).map { i -> ([Int32], Int32) in let x = w.window(i); return (Array(x.context), x.next) }
        let expected: [([Int32], Int32)] = [([0, 0], 5), ([0, 5], 6), ([5, 6], 7), ([6, 7], 0),
                                            ([0, 0], 8), ([0, 8], 9), ([8, 9], 0)]
        XCTAssertEqual(all.map(\.0), expected.map(\.0))
        XCTAssertEqual(all.map(\.1), expected.map(\.1))
        var ctx = [Int32](), tgt = [Int32]()
        w.gather([6, 0], contexts: &ctx, targets: &tgt)
        XCTAssertEqual(ctx, [8, 9, 0, 0])
        XCTAssertEqual(tgt, [0, 5])
    }
}
