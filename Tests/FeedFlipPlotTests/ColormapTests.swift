import FeedFlipPlot
import XCTest

final class ColormapTests: XCTestCase {
    func testViridisEndsAndMiddle() {
        let map = Colormap.viridis
        XCTAssertEqual(map.count, 256)
        let low = map.color(at: 0), high = map.color(at: 1)
        XCTAssertEqual(low.red, 0.267004); XCTAssertEqual(low.green, 0.004874); XCTAssertEqual(low.blue, 0.329415)
        XCTAssertEqual(high.red, 0.993248); XCTAssertEqual(high.green, 0.906157); XCTAssertEqual(high.blue, 0.143936)
        // Entry 128 of matplotlib's table sits at t = 128/255.
        let mid = map.color(at: 128.0 / 255.0)
        XCTAssertEqual(mid.red, 0.127568, accuracy: 1e-12)
        XCTAssertEqual(mid.green, 0.566949, accuracy: 1e-12)
        XCTAssertEqual(mid.blue, 0.550556, accuracy: 1e-12)
    }

    func testViridisLuminanceIncreases() {
        let map = Colormap.viridis
        var previous = -1.0
        for i in 0...50 {
            let l = map.color(at: Double(i) / 50).relativeLuminance
            XCTAssertGreaterThan(l, previous)
            previous = l
        }
    }

    func testClampsAndNaN() {
        let map = Colormap.viridis
        XCTAssertEqual(map.color(at: -3), map.color(at: 0))
        XCTAssertEqual(map.color(at: 7), map.color(at: 1))
        XCTAssertEqual(map.color(at: .nan), map.color(at: 0))
    }

    func testContrastingText() {
        XCTAssertEqual(Colormap.viridis.color(at: 0).contrastingText, .white)
        XCTAssertEqual(Colormap.viridis.color(at: 1).contrastingText, .black)
    }

    func testAutomaticStylesAreDistinct() {
        let styles = (0..<28).map(SeriesStyle.automatic)
        XCTAssertEqual(Set(styles).count, 28)
        XCTAssertNotEqual(styles[0].dash, styles[1].dash)
    }
}
