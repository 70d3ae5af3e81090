import CNcursesw

/// curses key codes used outside ``CursesKeyCodes``.
enum CursesKeys {
    static let mouse = KEY_MOUSE
    static let resize = KEY_RESIZE
}
