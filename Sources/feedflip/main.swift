import Foundation
import FeedFlipBuild

// feedflip: the command line. Parses arguments, calls FeedFlipBuild, prints, exits.
// Exit codes: 0 built / all claims pass; 1 a claim failed (with --check); 2 bad input.

let argv = Array(CommandLine.arguments.dropFirst())
let code = Commands.run(argv)
exit(code)
