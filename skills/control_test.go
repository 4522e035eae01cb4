package skills

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEscapeControls(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain text is kept", "Alice Élodie 日本 🙂", "Alice Élodie 日本 🙂"},
		{"tabs and line breaks are kept", "a\tb\nc\r\nd", "a\tb\nc\r\nd"},
		{"ESC and CSI", "\x1b[31mred", `\x1b[31mred`},
		{"BEL and OSC 52", "\x1b]52;c;aGk=\x07", `\x1b]52;c;aGk=\x07`},
		{"a lone carriage return", "good\rbad", `good\x0dbad`},
		{"DEL and NUL", "a\x7fb\x00", `a\x7fb\x00`},
		{"C1 controls", "a\u009b31m\u0085", `a\u009b31m\u0085`},
		{"bidi overrides and isolates", "\u202aa\u202eb\u2066c\u2069", `\u202aa\u202eb\u2066c\u2069`},
		{"line and paragraph separators", "a\u2028b\u2029", `a\u2028b\u2029`},
		{"bytes that are not UTF-8", "a\xffb\xc2", `a\xffb\xc2`},
		{"neighbours of the bidi block are kept", "\u2019\u2030\u2065\u206a", "\u2019\u2030\u2065\u206a"},
		{"latin-1 letters are kept", "\u00a0\u00e9\u00bf", "\u00a0\u00e9\u00bf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, EscapeControls(tc.in)); diff != "" {
				t.Errorf("EscapeControls(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestEscapeControlsLeavesNothing: whatever the input, the output holds no
// character IsControl is true of, except a carriage return ending a line.
func TestEscapeControlsLeavesNothing(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	all.WriteString("\xff\xfe\xc0\x80")
	got := EscapeControls(all.String())
	if r, at, ok := FirstControl(got); ok {
		t.Errorf("EscapeControls left %s at rune %d", ControlName(r), at)
	}
}

func TestFirstControl(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want string // ControlName of the character found, "" for none
		at   int
	}{
		{"none", "Alice\tExample\nline two\r\n", "", 0},
		{"escape", "Al\x1bice", "U+001B (escape)", 2},
		{"counted in characters", "Élo\u202e", "U+202E (right-to-left override)", 3},
		{"a lone carriage return", "a\rb", "U+000D (carriage return)", 1},
		{"a C1 control without a name", "\u0085", "U+0085 (a control character)", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, at, ok := FirstControl(tc.in)
			got := ""
			if ok {
				got = ControlName(r)
			}
			if got != tc.want || at != tc.at {
				t.Errorf("FirstControl(%q) = %q at %d, want %q at %d", tc.in, got, at, tc.want, tc.at)
			}
		})
	}
}

// TestCheckRejectsControlCharacters: a control character in any field of a
// skill file, the matrix or coach.toml is an error at the character (as
// written, or as its escape), naming it.
func TestCheckRejectsControlCharacters(t *testing.T) {
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	src := `name = "Al\u001bice"
role = "pm"
manager = "bo\u0007b"

[levels]
communication = 2

[[goal]]
text = "Ship\u202e it"
skills = ["communication"]

[[evidence]]
date = 2026-11-09
skill = "communication"
text = """
A memo
in two lines\u009b"""

[private]
notes = "plain \u001b text is its own error"
`
	_, ps := DecodePerson("skills/alice.toml", []byte(src), m)
	var got []string
	for _, p := range ps {
		if strings.Contains(p.Message, "control character") {
			got = append(got, p.String())
		}
	}
	hint := "; delete it (if it came with pasted text, retype that part)"
	want := []string{
		`skills/alice.toml:1:11: "name" holds the control character U+001B (escape), which a terminal would obey rather than show` + hint,
		`skills/alice.toml:3:14: "manager" holds the control character U+0007 (bell), which a terminal would obey rather than show` + hint,
		`skills/alice.toml:9:13: "text" holds the control character U+202E (right-to-left override), which a terminal would obey rather than show` + hint,
		`skills/alice.toml:17:13: "text" holds the control character U+009B (control sequence introducer), which a terminal would obey rather than show` + hint,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}

	cfg := "[[leader]]\nid = \"maya\"\nname = \"Maya\\u2066\"\n"
	_, ps = DecodeConfig("coach.toml", []byte(cfg))
	if len(ps) != 1 || ps[0].String() != `coach.toml:3:13: "name" holds the control character U+2066 (left-to-right isolate), which a terminal would obey rather than show`+hint {
		t.Errorf("coach.toml problems = %v", ps)
	}

	// Written as it is, in a literal string, after a character of two bytes.
	cfg = "[[leader]]\nid = \"sam\"\nname = 'Sé \u202ex'\n"
	_, ps = DecodeConfig("coach.toml", []byte(cfg))
	if len(ps) != 1 || ps[0].String() != `coach.toml:3:13: "name" holds the control character U+202E (right-to-left override), which a terminal would obey rather than show`+hint {
		t.Errorf("coach.toml problems = %v", ps)
	}
}
