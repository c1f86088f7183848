// Typographic and stroke constants shared by all charts (sizes in points).

/// Font sizes, stroke widths and greys of every chart.
enum Theme {
    static let titleSize = 10.0
    static let labelSize = 9.0
    static let tickSize = 8.0
    static let legendSize = 8.0
    static let noteSize = 8.0
    static let annotationSize = 7.5

    static let text = Color(grey: 0.1)
    static let axis = Color(grey: 0.25)
    static let grid = Color(grey: 0.9)
    static let noteText = Color(grey: 0.4)

    static let axisWidth = 0.7
    static let gridWidth = 0.5
    static let seriesWidth = 1.3
    static let tickLength = 3.0
    static let tickGap = 2.5
    static let bandOpacity = 0.18
    /// Reference marks (a paper's values) on bar charts: colour, line width and dash (points).
    static let reference = Color(hex: 0x0072B2)   // Okabe-Ito blue: apart from bars and error bars
    static let referenceWidth = 1.1
    static let referenceDash: [Double] = [3, 2]
}
