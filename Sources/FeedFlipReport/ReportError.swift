import Foundation

/// Every error of the report module: bad claims files and bad literate sources.
///
/// Each case carries the file, the place in it, what was expected and what to do, and
/// `description` is one line the command layer prints before exiting with status 2, e.g.
/// `paper/claims.json: claim "ts.cal": unknown metric "rel_mse"; known: ts.rel_mse_pct, …`.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not valid JSON.
    case notJSON(file: String, reason: String)
    /// A value in a claims file is missing or malformed.
    /// `place` is the claim (`claim "ts.cal"`) or JSON path (`claims[3]`) plus the field.
    case invalidClaims(file: String, place: String, problem: String, fix: String)
    /// A claim names a metric that is not one of the known keys.
    case unknownMetric(file: String, place: String, problem: String)
    /// A literate source is malformed at a line and column (both 1-based).
    case literateSyntax(file: String, line: Int, column: Int, problem: String, fix: String)
    /// A literate source uses a directive kind that does not exist.
    case unknownDirective(file: String, line: Int, column: Int, name: String, known: [String])

    /// One line: file, place, problem, what to do.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file (\(reason)); check the path and permissions"
        case let .notJSON(file, reason):
            return "\(file): not valid JSON (\(reason)); fix the JSON syntax (a missing comma, quote or bracket)"
        case let .invalidClaims(file, place, problem, fix):
            return "\(file): \(place): \(problem); \(fix)"
        case let .unknownMetric(file, place, problem):
            return "\(file): \(place): \(problem)"
        case let .literateSyntax(file, line, column, problem, fix):
            return "\(file):\(line):\(column): \(problem); \(fix)"
        case let .unknownDirective(file, line, column, name, known):
            return "\(file):\(line):\(column): unknown directive \"\(name)\"; known: "
                + known.joined(separator: ", ")
        }
    }
}
