package skills

import (
	"errors"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
)

func TestParseErrorPosition(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
	}{
		{"unterminated string", "name = \"x\nrole = 1\n", 1, 10},
		{"error at column 1", "name = \"x\"\n= 3\n", 2, 1},
		{"bad date", "due = 2027-13-01\n", 1, 7},
		{"duplicate table", "[levels]\n[levels]\n", 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v map[string]any
			_, err := toml.Decode(tt.src, &v)
			var pe toml.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("want a ParseError, got %v", err)
			}
			line, col := parseErrorPosition([]byte(tt.src), pe)
			if line != tt.line || col != tt.col {
				t.Errorf("got %d:%d, want %d:%d", line, col, tt.line, tt.col)
			}
		})
	}
}

// BurntSushi/toml v1.6.0's ErrorWithPosition panics on line 0 and miscounts
// the column at the start of a line; parseErrorPosition must not trust either.
func TestParseErrorPositionGuards(t *testing.T) {
	src := []byte("a = 1\nb = 2\n")
	tests := []struct {
		name      string
		pos       toml.Position
		line, col int
	}{
		{"line 0", toml.Position{Line: 0, Start: 0}, 1, 1},
		{"start of line 2 (the library says column 7 of line 1)", toml.Position{Line: 2, Col: 7, Start: 6}, 2, 1},
		{"line past the end", toml.Position{Line: 99, Start: 500}, 3, 1},
		{"negative start", toml.Position{Line: 1, Start: -4}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := parseErrorPosition(src, toml.ParseError{Position: tt.pos})
			if line != tt.line || col != tt.col {
				t.Errorf("got %d:%d, want %d:%d", line, col, tt.line, tt.col)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	valid := []string{"negotiation", "coaching", "hiring", "feedback"}
	tests := []struct{ got, want string }{
		{"negotiaton", `did you mean "negotiation"?`},
		{"Coaching", `did you mean "coaching"?`},
		{"hire", `did you mean "hiring"?`},
		{"zzzzzzzzzz", "valid skills: coaching, feedback, hiring, negotiation"},
	}
	for _, tt := range tests {
		if got := suggest("skill", tt.got, valid); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.got, got, tt.want)
		}
	}
	if got := suggest("skill", "x", nil); got != "no skill is defined in the matrix" {
		t.Errorf("suggest with no ids = %q", got)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Alice Smith": "alice-smith", "Bad_File": "bad-file", "--": "id", "ÉVA 2": "va-2"} {
		if diff := cmp.Diff(want, Slug(in)); diff != "" {
			t.Errorf("Slug(%q): %s", in, diff)
		}
	}
}

// A miscased key is found where it stands, the n-th time for the n-th
// element of an array of tables, counting only the keys that are checked.
func TestMiscasedKeyPositions(t *testing.T) {
	src := "name = \"A\"\nrole = \"pm\"\n[private]\nText = \"x\"\n[[goal]]\ntext = \"a\"\n[[goal]]\nText = \"b\"\n[[goal]]\nText = \"c\"\nDue = 2027-01-01\n"
	_, ps, ok := decodeTOML("skills/a.toml", []byte(src), &personFile{}, skillFileLimit)
	if !ok {
		t.Fatal(ps)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		`skills/a.toml:8:1: key "Text" is written in the wrong case; write it "text": keys are case-sensitive`,
		`skills/a.toml:10:1: key "Text" is written in the wrong case; write it "text": keys are case-sensitive`,
		`skills/a.toml:11:1: key "Due" is written in the wrong case; write it "due": keys are case-sensitive`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

// Trial finding 5: `foo = ` after a [private] table read "invalid TOML in
// [private] ... put each note in double quotes", though no note was wrong:
// a key with no value gets the message it gets in [levels]; an error inside
// a note still shows no text.
func TestKeyWithNoValueInPrivate(t *testing.T) {
	want := "x.toml:4:7: invalid TOML: expected value but found '\\n' instead; the key has no value: write its value after the =, or delete the line"
	for _, table := range []string{"levels", "private"} {
		src := "name = \"X\"\n[" + table + "]\nnotes = \"ok\"\nfoo = \n"
		p := decodeProblem("x.toml", []byte(src), decodeErr(t, src))
		if got := p.String(); got != want {
			t.Errorf("in [%s]:\ngot  %s\nwant %s", table, got, want)
		}
	}
	src := "[private]\nnotes = \"\"\"\nfoo = \nsecret\n"
	p := decodeProblem("x.toml", []byte(src), decodeErr(t, src))
	if p.Message != "invalid TOML in [private] (the text is not shown: private notes never appear in messages)" {
		t.Errorf("inside a note: got %s", p)
	}
}

func decodeErr(t *testing.T, src string) error {
	t.Helper()
	var v map[string]any
	_, err := toml.Decode(src, &v)
	if err == nil {
		t.Fatalf("%q decoded", src)
	}
	return err
}
