/// An error of the build layer: bad input or an unusable output location. The CLI prints
/// `description` as one line and exits with code 2.
public enum BuildError: Error, CustomStringConvertible {
    /// A malformed input file: the file, the place in it (JSON path or line), the problem and the fix.
    case badInput(file: String, place: String, problem: String, fix: String)
    /// A folder or file that cannot be written.
    case unwritable(path: String, reason: String)
    /// A configuration that is well-formed but unusable (an empty grid, an unknown name).
    case invalid(String)
    /// A dataset that is missing or corrupt (the message says where to put it).
    case dataset(String)

    public var description: String {
        switch self {
        case let .badInput(file, place, problem, fix):
            return "\(file): \(place): \(problem)" + (fix.isEmpty ? "" : "; \(fix)")
        case let .unwritable(path, reason):
            return "cannot write \(path): \(reason); choose another folder or fix its permissions"
        case let .invalid(message), let .dataset(message):
            return message
        }
    }
}
