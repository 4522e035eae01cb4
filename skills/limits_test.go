package skills

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func nested(prefix string, n int) string {
	return prefix + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
}

func TestCheckTOML(t *testing.T) {
	deep := "values nest more than 32 levels deep (arrays, tables and dotted keys), over coach's limit; flatten the value: no coach file needs more than four levels"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"ok", "name = \"x\"\n[levels]\na = 3\n", nil},
		{"the built-in matrix", string(DefaultMatrixTOML()), nil},
		{"32 arrays", nested("a = ", 31), nil},
		{"33 arrays", nested("a = ", 32), []string{"f.toml:1:36: " + deep}},
		{"200 KB of arrays", nested("name = ", 100_000), []string{"f.toml:1:39: " + deep}},
		{"inline tables", "a = " + strings.Repeat("{b = ", 40) + "1" + strings.Repeat("}", 40) + "\n",
			[]string{"f.toml:1:81: " + deep}},
		{"dotted keys in an inline table", "a = {" + strings.Repeat("b.", 40) + "c = 1}\n", []string{"f.toml:1:6: " + deep}},
		{"sibling entries do not add up", "a = {" + strings.Repeat("b = [1], ", 40) + "c = 1}\n", nil},
		{"sibling arrays do not add up", "a = [" + strings.Repeat("[[1]], ", 40) + "]\n", nil},
		{"a deep header", "[" + strings.Repeat("a.", 40) + "b]\n", []string{"f.toml:1:1: " + deep}},
		{"a header and a dotted key", "[[" + strings.Repeat("a.", 20) + "b]]\n" + strings.Repeat("c.", 11) + "d = 1\n",
			[]string{"f.toml:2:1: " + deep}},
		{"brackets in strings and comments", "a = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\" # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nb = '''\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n'''\n", nil},
		{"a long key", strings.Repeat("k", 129) + " = 1\n",
			[]string{"f.toml:1:1: a key of 129 bytes, over coach's limit of 128; use a short id: lowercase words joined by '-'"}},
		{"a long quoted key", "[levels]\n\"" + strings.Repeat("k", 200) + "\" = 1\n",
			[]string{"f.toml:2:1: a key of 200 bytes, over coach's limit of 128; use a short id: lowercase words joined by '-'"}},
		{"a long key path", "[" + strings.Repeat("k", 100) + "." + strings.Repeat("k", 100) + "]\n" + strings.Repeat("k", 60) + " = 1\n",
			[]string{"f.toml:2:1: a key of 262 bytes with its table and dotted parts, over coach's limit of 256; use short ids: lowercase words joined by '-'"}},
		{"a long key path in inline tables", "a = { " + strings.Repeat("k", 100) + " = { " + strings.Repeat("k", 100) + " = { " + strings.Repeat("k", 60) + " = 1 } } }\n",
			[]string{"f.toml:1:217: a key of 264 bytes with its table and dotted parts, over coach's limit of 256; use short ids: lowercase words joined by '-'"}},
		{"5000 keys", "[levels]\n" + strings.Repeat("a = 1\n", 4999), nil},
		{"5001 keys", "[levels]\n" + strings.Repeat("a = 1\n", 5000),
			[]string{"f.toml:5001:1: more than 5000 keys, over coach's limit for a skill file; coach does not read it: remove what made it grow (git log -p f.toml shows what did)"}},
		{"a long value is fine", "name = \"" + strings.Repeat("x", 10_000) + "\"\n", nil},
		{"over the size", "name = \"" + strings.Repeat("x", MaxSkillFileSize) + "\"\n",
			[]string{"f.toml: the file is 262154 bytes, over coach's limit of 256 KiB for a skill file; coach does not read it: remove what made it grow (git log -p f.toml shows what did)"}},
		{"a conflict", "name = \"x\"\n<<<<<<< HEAD\nrole = \"pm\"\n=======\nrole = \"senior-pm\"\n>>>>>>> promote\n",
			[]string{"f.toml:2:1: unresolved merge conflict (<<<<<<< on line 2, ======= on line 4, >>>>>>> on line 6); keep the lines you want from each side, delete the three marker lines, then `git add f.toml`"}},
		{"a conflict with CRLF", "<<<<<<< HEAD\r\na = 1\r\n=======\r\na = 2\r\n>>>>>>> b\r\n",
			[]string{"f.toml:1:1: unresolved merge conflict (<<<<<<< on line 1, ======= on line 3, >>>>>>> on line 5); keep the lines you want from each side, delete the three marker lines, then `git add f.toml`"}},
		{"half a conflict", "a = 1\n<<<<<<< HEAD\na = 2\n",
			[]string{"f.toml:2:1: unresolved merge conflict (<<<<<<< on line 2); keep the lines you want from each side, delete the three marker lines, then `git add f.toml`"}},
		{"not a marker", "a = '''\n<<<<<<<<\n'''\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range checkTOML("f.toml", []byte(tt.src), skillFileLimit) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A 200 KB file of nested arrays once took gigabytes (40 KB took 600 MB):
// it is now refused before the decoders run, for a few bytes.
func TestDecodersRefuseNesting(t *testing.T) {
	src := []byte(nested("name = ", 20_000))
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	for name, decode := range map[string]func() Problems{
		"DecodePerson": func() Problems { _, ps := DecodePerson("skills/a.toml", src, m); return ps },
		"DecodeMatrix": func() Problems { _, ps := DecodeMatrix("matrix.toml", src); return ps },
		"DecodeConfig": func() Problems { _, ps := DecodeConfig("coach.toml", src); return ps },
		"ParsePerson": func() Problems {
			_, err := ParsePerson("skills/a.toml", src)
			var over *OverLimitError
			if !errors.As(err, &over) || !errors.Is(err, ErrOverLimit) {
				t.Errorf("ParsePerson: %v, want an OverLimitError", err)
				return nil
			}
			return Problems{over.Problem}
		},
	} {
		var ps Problems
		if n := allocated(func() { ps = decode() }); n > 16<<10 {
			t.Errorf("%s allocated %d bytes for a refused file", name, n)
		}
		if len(ps) != 1 || !strings.Contains(ps[0].Message, "nest more than 32 levels") {
			t.Errorf("%s: %v", name, ps)
		}
	}
}

// NaN and the infinities are TOML numbers that coach has no use for:
// rejected wherever a number is read, and named as what they are.
func TestNonFiniteNumbers(t *testing.T) {
	person := func(levels string) string { return "name = \"A\"\nrole = \"pm\"\n" + levels }
	tests := []struct {
		name, file, src string
		want            string
	}{
		{"a level", "person", person("[levels]\ncommunication = nan\n"),
			`skills/a.toml:4:17: level of "communication" must be a whole number, not nan (not a number); write a whole number from 1 to 5 without quotes`},
		{"a self-assessment", "person", person("[self]\ncommunication = -inf\n"),
			`skills/a.toml:4:17: level of "communication" must be a whole number, not -inf (infinity); write a whole number from 1 to 5 without quotes`},
		{"an expectation", "matrix", strings.Replace(tinyMatrix, "expect = { pm = 1,", "expect = { pm = +inf,", 1),
			`matrix.toml:34:17: "pm" must be a whole number, not inf (infinity); write the number without quotes, like 3`},
		{"an emphasis weight", "matrix", strings.Replace(tinyMatrix, "coach-mentor = 1.0", "coach-mentor = nan", 1),
			`matrix.toml:20:29: emphasis coach-mentor must be a number, not nan (not a number); use a weight of 0 or more, like 1.5; 1.0 is neutral`},
		{"a level value", "matrix", strings.Replace(tinyMatrix, "value = 1", "value = nan", 1),
			`matrix.toml:2:9: "value" must be a whole number, not nan (not a number); write the number without quotes, like 3`},
		{"a config number", "config", "[plan]\nfocus = inf\n",
			`coach.toml:2:9: "focus" must be a whole number, not inf (infinity); write the number without quotes, like 3`},
		{"weeks per focus", "config", "[agenda]\nweeks_per_focus = nan\n",
			`coach.toml:2:19: "weeks_per_focus" must be a whole number, not nan (not a number); write the number without quotes, like 3`},
	}
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps Problems
			switch tt.file {
			case "person":
				_, ps = DecodePerson("skills/a.toml", []byte(tt.src), m)
			case "matrix":
				_, ps = DecodeMatrix("matrix.toml", []byte(tt.src))
			case "config":
				_, ps = DecodeConfig("coach.toml", []byte(tt.src))
			}
			var got []string
			for _, p := range ps {
				if p.Severity == Error {
					got = append(got, p.String())
				}
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// A private note never appears in a message: the TOML parser quotes the
// text it stopped at, and in [private] that text is the note.
func TestPrivateNotRepeated(t *testing.T) {
	redacted := "invalid TOML in [private] (the text is not shown: private notes never appear in messages); " +
		`put each note in double quotes ("like this"), or in triple quotes for several lines`
	tests := []struct{ name, src, want string }{
		{"a bare word", "name = \"A\"\n[private]\nnotes = considering a PIP\n", "skills/a.toml:3:9: " + redacted},
		{"a dotted key", "private.notes = considering a PIP\nname = \"A\"\n", "skills/a.toml:1:17: " + redacted},
		{"an inline table", "name = \"A\"\nprivate = { notes = considering a PIP }\n", "skills/a.toml:2:21: " + redacted},
		{"a sub-table", "[private.hr]\nnotes = considering a PIP\n", "skills/a.toml:2:9: " + redacted},
		{"a quoted key", "[\"private\"]\nnotes = considering a PIP\n", "skills/a.toml:2:9: " + redacted},
		{"after a multi-line note", "[private]\nnotes = '''\n[levels]\n'''\nmore = considering a PIP\n", "skills/a.toml:5:8: " + redacted},
		{"outside [private]", "[private]\nnotes = \"x\"\n[levels]\ncommunication = three\n",
			`skills/a.toml:4:17: invalid TOML: expected value but found "three" instead; put text in double quotes ("like this") and dates as YYYY-MM-DD without quotes`},
	}
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := DecodePerson("skills/a.toml", []byte(tt.src), m)
			if len(ps) != 1 {
				t.Fatalf("got %v, want one problem", ps)
			}
			if diff := cmp.Diff(tt.want, ps[0].String()); diff != "" {
				t.Error(diff)
			}
			_, err := ParsePerson("skills/a.toml", []byte(tt.src))
			if err == nil || strings.Contains(err.Error(), "PIP") {
				t.Errorf("ParsePerson: %v", err)
			}
		})
	}
}

// A skill file that is a symbolic link is read when it leads to a file
// inside the repository, and is a problem otherwise, never skipped.
func TestReadSkillFile(t *testing.T) {
	outside := t.TempDir()
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "secret.toml"), "name = \"Secret\"\n")
	write(filepath.Join(root, "people", "ann.toml"), "name = \"Ann\"\n")
	write(filepath.Join(root, "skills", "big.toml"), strings.Repeat("#", MaxSkillFileSize+1))
	for link, target := range map[string]string{
		"inside.toml":  filepath.Join("..", "people", "ann.toml"),
		"outside.toml": filepath.Join(outside, "secret.toml"),
		"nowhere.toml": "gone.toml",
		"dir.toml":     filepath.Join("..", "people"),
	} {
		if err := os.Symlink(target, filepath.Join(root, "skills", link)); err != nil {
			t.Skip("symbolic links not available:", err)
		}
	}
	files, err := SkillFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		src, p, err := ReadSkillFile(root, f)
		switch {
		case err != nil:
			got = append(got, f+": error: "+err.Error())
		case p != nil:
			got = append(got, strings.ReplaceAll(p.String(), outside, "OUTSIDE"))
		default:
			got = append(got, f+": "+strings.TrimSpace(string(src)))
		}
	}
	want := []string{
		"skills/big.toml: the file is 262145 bytes, over coach's limit of 256 KiB for a skill file; coach does not read it: remove what made it grow (git log -p skills/big.toml shows what did)",
		"skills/dir.toml: not a regular file; replace it with a file",
		`skills/inside.toml: name = "Ann"`,
		"skills/nowhere.toml: the file is a symbolic link to gone.toml, which does not exist; restore the file it leads to, or replace the link with the file",
		"skills/outside.toml: the file is a symbolic link to OUTSIDE/secret.toml, outside the repository, which coach does not read; replace the link with the file itself",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

// Deep nesting cost quadratic memory before the nesting limit applied: a
// quote in a table header's comment ("[levels] # ”'") made the bounds scan
// read the lines after it as a string, and a [private] table was decoded
// and indexed before any limit; the index of positions then copied the key
// path of each of 20,000 nested arrays (a 42 KB file took 640 MB, 82 KB ran
// out of memory) in check, plan --check and history. The scan now reads the
// comment as a comment, every reader checks the limits first, and the index
// itself records nothing deeper than MaxDepth whatever it is given.
func TestDeepNestingCostsQuadraticMemory(t *testing.T) {
	const n = 20_000
	deep := strings.Repeat("[", n) + strings.Repeat("]", n)
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{
		"name = \"A\"\nrole = \"pm\"\n[levels] # '''\nx = " + deep + "\n# '''\n",
		"name = \"A\"\nrole = \"pm\"\n[[goal]] # \"\"\"\nx = " + deep + "\n# \"\"\"\n",
		"name = \"A\"\nrole = \"pm\"\n[private]\nnotes = \"\"\nx = " + deep + "\n",
	} {
		// Generous, and linear: a hundred times the file. Quadratic was
		// thousands of times more.
		bound := uint64(100 * len(src))
		for name, read := range map[string]func() error{
			"DecodePerson": func() error {
				if _, ps := DecodePerson("skills/a.toml", []byte(src), m); !strings.Contains(fmt.Sprint(ps), "nest more than 32 levels") {
					return fmt.Errorf("problems %v, want the nesting refused", ps)
				}
				return nil
			},
			"ParsePerson": func() error {
				if _, err := ParsePerson("skills/a.toml", []byte(src)); !errors.Is(err, ErrOverLimit) {
					return fmt.Errorf("error %v, want ErrOverLimit", err)
				}
				return nil
			},
			"privateProblems": func() error { privateProblems("skills/a.toml", "a", []byte(src), nil); return nil },
			"FindNotes": func() error {
				if _, err := FindNotes([]byte(src)); err == nil {
					return errors.New("no error, want the file refused")
				}
				return nil
			},
			"indexSource": func() error { indexSource(src); return nil },
		} {
			var err error
			if got := allocated(func() { err = read() }); got > bound {
				t.Errorf("%s of %q...: allocated %d bytes, over %d", name, src[:40], got, bound)
			}
			if err != nil {
				t.Errorf("%s of %q...: %v", name, src[:40], err)
			}
		}
	}
	// The index alone, on text no bounds scan saw.
	for name, src := range map[string]string{
		"arrays":      "x = " + deep + "\n",
		"tables":      "x = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n",
		"dotted keys": strings.Repeat("a.", n) + "b = [1, 2, 3]\n",
		"a header":    "[" + strings.Repeat("a.", n) + "b]\nc = [1, 2]\n",
		"a long key":  strings.Repeat("k", 4*n) + " = [" + strings.Repeat("1, ", n) + "]\n",
	} {
		var ix *sourceIndex
		if got, bound := allocated(func() { ix = indexSource(src) }), uint64(100*len(src)); got > bound {
			t.Errorf("indexSource of %s: allocated %d bytes, over %d", name, got, bound)
		}
		if len(ix.keys) == 0 && (name == "arrays" || name == "tables" || name == "a header") {
			t.Errorf("indexSource of %s: no key recorded", name)
		}
	}
}
