/// What strangers really send: escape sequences, control characters and text built to
/// break a terminal. Mixed into names, agents and messages with `--hostile`.
enum HostileText {
    static let names = [
        "\u{1B}[31mRED ALERT\u{1B}[0m",
        "\u{1B}]0;pwned\u{07}Mallory",
        "\u{1B}]8;;https://evil.example\u{1B}\\click me\u{1B}]8;;\u{1B}\\",
        "\u{1B}[2J\u{1B}[HCleared",
        "Bell\u{07}\u{07}Ringer",
        "Tab\tand\nnewline",
        "C1\u{9B}2Jcontrol\u{85}next line",
        "Zalgo Z̷̢̛̛a̸̧͎l̶̰̈g̵̯̈́o̴̧̍",
        "RTL \u{202E}evil\u{202C} name",
        "zero\u{200B}width\u{200D}joiner\u{FEFF}",
        "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} stacked accents",
        "Carriage\rreturn",
        "Back\u{08}\u{08}\u{08}space",
        "Null\u{0}byte",
        String(repeating: "Very long name ", count: 20),
        String(repeating: "長", count: 300),
        String(repeating: "A", count: 300),
    ]

    static let messages = [
        "\u{1B}[31;1mURGENT\u{1B}[0m call me back",
        "\u{1B}]0;you have been pwned\u{07}hello?",
        "line one\nline two\n\ttabbed line three",
        "\u{1B}[?1049h\u{1B}[Hwhere did your screen go",
        "C1 \u{9B}31m colour \u{9D}0;title\u{9C}",
        "bell \u{07}\u{07}\u{07} bell",
        "Z̷̢̛̛a̸̧͎l̶̰̈g̵̯̈́o̴̧̍ says hi",
        String(repeating: "spam ", count: 120),
    ]

    static let agents = ["\u{1B}[7mAgent\u{1B}[0m", "Bot\u{07}", "Maya\u{200B}(support)"]
}
