import TerminalKit

/// One unit read by `get_wch`: a character or a curses key code.
enum RawInput: Equatable {
    case character(UInt32)
    case keyCode(Int32)
}

/// What the decoder asks the session to do.
enum DecodedInput: Equatable {
    /// Deliver this event.
    case event(KeyEvent)
    /// A mouse event is waiting: call `getmouse`.
    case mouse
    /// curses saw a resize.
    case resize
}

/// Turns raw `get_wch` input into key events.
///
/// It joins Escape plus a key into an Alt chord, swallows escape sequences curses did not
/// recognise (so they never type garbage into a field), and collects bracketed paste into
/// one `.paste` event. Input is fed in batches (everything readable at once); a lone Escape
/// at the end of a batch is the Escape key.
struct CursesInputDecoder {
    private enum State: Equatable {
        case ground
        case escape
        case sequence(introducer: UInt32, length: Int)
        case paste(String)
    }

    /// The longest paste kept; the rest is dropped rather than exhausting memory.
    static let pasteLimit = 1_000_000

    private var state = State.ground

    mutating func feed(_ input: RawInput) -> [DecodedInput] {
        switch state {
        case .ground:
            return ground(input)
        case .escape:
            switch input {
            case .character(0x5B), .character(0x4F):
                if case .character(let introducer) = input { state = .sequence(introducer: introducer, length: 0) }
                return []
            case .character(27):
                return [.event(.key(KeyPress(.escape)))]
            case .character(let value):
                state = .ground
                guard var press = CursesKeyCodes.keyPress(forCharacter: value) else { return [] }
                press.modifiers.insert(.alt)
                return [.event(.key(press))]
            case .keyCode(let code):
                state = .ground
                guard var press = CursesKeyCodes.keyPress(for: code) else {
                    return [.event(.key(KeyPress(.escape)))] + ground(input)
                }
                press.modifiers.insert(.alt)
                return [.event(.key(press))]
            }
        case .sequence(let introducer, let length):
            guard case .character(let value) = input else {
                state = .ground
                return ground(input)
            }
            if introducer == 0x5B && (0x20...0x3F).contains(value) {
                state = .sequence(introducer: introducer, length: length + 1)
                return []
            }
            state = .ground
            return (0x40...0x7E).contains(value) ? [] : ground(input)
        case .paste(var text):
            switch input {
            case .keyCode(CursesKeyCodes.pasteEnd):
                state = .ground
                let normalized = text.replacingCRLF()
                return [.event(.paste(normalized))]
            case .keyCode:
                return []
            case .character(let value):
                guard text.unicodeScalars.count < Self.pasteLimit, let scalar = Unicode.Scalar(value) else { return [] }
                if value == 13 || value == 10 || value == 9 || CellWidth.of(scalar) != nil {
                    text.unicodeScalars.append(scalar)
                }
                state = .paste(text)
                return []
            }
        }
    }

    /// Called when no more input is readable: completes a pending lone Escape.
    mutating func endOfBatch() -> [DecodedInput] {
        switch state {
        case .escape:
            state = .ground
            return [.event(.key(KeyPress(.escape)))]
        case .sequence(let introducer, 0):
            state = .ground
            return [.event(.key(KeyPress(.char(Character(Unicode.Scalar(UInt8(introducer)))), modifiers: .alt)))]
        case .sequence:
            state = .ground
            return []
        case .ground, .paste:
            return []
        }
    }

    private mutating func ground(_ input: RawInput) -> [DecodedInput] {
        switch input {
        case .character(27):
            state = .escape
            return []
        case .character(let value):
            return CursesKeyCodes.keyPress(forCharacter: value).map { [.event(.key($0))] } ?? []
        case .keyCode(CursesKeyCodes.pasteStart):
            state = .paste("")
            return []
        case .keyCode(CursesKeyCodes.pasteEnd):
            return []
        case .keyCode(let code) where code == CursesKeys.mouse:
            return [.mouse]
        case .keyCode(let code) where code == CursesKeys.resize:
            return [.resize]
        case .keyCode(let code):
            return CursesKeyCodes.keyPress(for: code).map { [.event(.key($0))] } ?? []
        }
    }
}

extension String {
    /// Newlines as `\n`, whether the terminal sent CR, LF or CR LF.
    fileprivate func replacingCRLF() -> String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.append(scalar)
        }
        return String(result)
    }
}
