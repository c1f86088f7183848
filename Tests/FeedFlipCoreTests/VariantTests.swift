import XCTest
import FeedFlipCore

final class VariantTests: XCTestCase {
    func testNamesAreUniqueAndLookupWorks() throws {
        XCTAssertEqual(Set(Variant.all.map(\.name)).count, 11)
        XCTAssertEqual(Set(Variant.all.map(\.fileName)).count, 11)
        for v in Variant.all {
            XCTAssertEqual(try Variant.named(v.name), v)
            XCTAssertEqual(try Variant.named(v.fileName), v)
            XCTAssertTrue(v.fileName.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        }
        XCTAssertThrowsError(try Variant.named("Nope"))
    }
}
