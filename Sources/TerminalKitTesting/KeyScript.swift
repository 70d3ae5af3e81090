public import TerminalKit

/// A key script that could not be read.
public struct KeyScriptError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The token at fault.
    public var token: String
    /// Why.
    public var reason: String

    public var description: String { "bad key script token \"\(token)\": \(reason)" }
}

/// Turns a script such as `"tab tab C-s"` or `"/ jo sm ret"` into key events.
///
/// Tokens are separated by spaces. A token is a key in notation (`C-s`, `ret`, `F2`, `/`),
/// a notation in angle brackets (`<ret>`), or text typed character by character: a quoted
/// token (`"end"`, `'jo sm'`, which may hold spaces) or any several-character token that is
/// not a key name (`jo`). A token that starts like a modified key but is invalid (`C-foo`)
/// is an error rather than text.
public enum KeyScript {
    /// The events the script stands for.
    public static func parse(_ script: String) throws(KeyScriptError) -> [KeyEvent] {
        var events: [KeyEvent] = []
        for token in try tokens(of: script) {
            switch token {
            case .text(let text):
                events += text.map { KeyEvent.key(.char($0)) }
            case .word(let word):
                events += try keys(for: word)
            }
        }
        return events
    }

    private enum Token {
        case word(String)
        case text(String)
    }

    private static func keys(for word: String) throws(KeyScriptError) -> [KeyEvent] {
        if word.count > 2, word.hasPrefix("<"), word.hasSuffix(">") {
            do {
                return [.key(try KeyPress(notation: String(word.dropFirst().dropLast())))]
            } catch {
                throw KeyScriptError(token: word, reason: error.description)
            }
        }
        do {
            return [.key(try KeyPress(notation: word))]
        } catch {
            let looksLikeKey = word.count > 2 && ["C-", "A-", "M-", "S-"].contains(String(word.prefix(2)))
            guard word.count > 1, !looksLikeKey else {
                throw KeyScriptError(token: word, reason: error.description)
            }
            return word.map { KeyEvent.key(.char($0)) }
        }
    }

    private static func tokens(of script: String) throws(KeyScriptError) -> [Token] {
        var tokens: [Token] = []
        var characters = Array(script)[...]
        while let first = characters.first {
            if first == " " {
                characters = characters.dropFirst()
                continue
            }
            if first == "\"" || first == "'" {
                var text = ""
                var closed = false
                characters = characters.dropFirst()
                while let c = characters.first {
                    characters = characters.dropFirst()
                    if c == first {
                        closed = true
                        break
                    }
                    if c == "\\", let escaped = characters.first {
                        characters = characters.dropFirst()
                        text.append(escaped)
                        continue
                    }
                    text.append(c)
                }
                guard closed else { throw KeyScriptError(token: String(first) + text, reason: "unclosed quote") }
                tokens.append(.text(text))
                continue
            }
            let word = characters.prefix { $0 != " " }
            characters = characters.dropFirst(word.count)
            tokens.append(.word(String(word)))
        }
        return tokens
    }
}
