package skills

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	gotoml "github.com/pelletier/go-toml/v2"
)

// The decoders take any bytes a user (or a broken merge) can put in a file:
// they must never panic, and must return either a value or an error. Over
// its size limit, or nested deeper than MaxDepth, any input is refused
// before it is decoded, for a few kilobytes whatever its size.

// refusedCheaply checks that decode refuses src grown past limit, and src
// nested past MaxDepth, with an error and without allocating in proportion
// to the input.
func refusedCheaply(t *testing.T, limit int, src []byte, decode func([]byte) Problems) {
	t.Helper()
	if len(src) == 0 {
		src = []byte("#")
	}
	big := bytes.Repeat(src, limit/len(src)+1)
	deep := []byte("x = " + strings.Repeat("[", MaxDepth+1) + string(src))
	for _, in := range [][]byte{big, deep} {
		var ps Problems
		if n := allocated(func() { ps = decode(in) }); n > 64<<10 {
			t.Fatalf("allocated %d bytes to refuse %d bytes", n, len(in))
		}
		if ps.Errors() == 0 {
			t.Fatalf("%q... was not refused", in[:min(len(in), 40)])
		}
	}
}

func FuzzDecodePerson(f *testing.F) {
	seeds, _ := filepath.Glob("../repo-example/skills/*.toml")
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("name = \"x\"\n= 3\n"))
	f.Add([]byte("[levels]\na = \"3\"\n[[goal]]\ndue = \"2027-01-01\"\n"))
	// A key written twice; control characters, escaped and raw.
	f.Add([]byte("name = \"x\"\n\"na.me\" = 1\nname = \"y\"\n[levels]\na = 1\n [levels]\n"))
	f.Add([]byte("name = \"a\\u001b\"\n[[goal]]\ntext = \"\"\"\nx\\U0000202E\"\"\"\n[[evidence]]\ntext = 'r\u202e'\n"))
	m, err := DefaultMatrix()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, problems := DecodePerson("skills/fuzz.toml", src, m)
		if p == nil && problems.Errors() == 0 {
			t.Fatalf("no person and no error for %q", src)
		}
		for _, pr := range problems {
			if pr.Line < 0 || pr.Col < 0 || pr.Message == "" {
				t.Fatalf("malformed problem %+v", pr)
			}
		}
		refusedCheaply(t, MaxSkillFileSize, src, func(b []byte) Problems { _, ps := DecodePerson("skills/fuzz.toml", b, m); return ps })
		refusedCheaply(t, MaxSkillFileSize, src, func(b []byte) Problems {
			if _, err := ParsePerson("skills/fuzz.toml", b); err != nil {
				return Problems{{Severity: Error, Message: err.Error()}}
			}
			return nil
		})
	})
}

func FuzzDecodeMatrix(f *testing.F) {
	f.Add(DefaultMatrixTOML())
	f.Add([]byte(tinyMatrix))
	f.Add([]byte("[[skill]]\nexpect = { pm = \"x\" }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		m, problems := DecodeMatrix("matrix.toml", src)
		if m == nil && problems.Errors() == 0 {
			t.Fatalf("no matrix and no error for %q", src)
		}
		refusedCheaply(t, MaxMatrixSize, src, func(b []byte) Problems { _, ps := DecodeMatrix("matrix.toml", b); return ps })
	})
}

func FuzzDecodeConfig(f *testing.F) {
	f.Add([]byte("[plan]\nfocus = 3\n[agenda]\nweekday = \"monday\"\nweeks_per_focus = 2\n"))
	f.Add([]byte("[plan]\nfocus = nan\n"))
	f.Add([]byte("<<<<<<< HEAD\n[plan]\n=======\n>>>>>>> x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, problems := DecodeConfig("coach.toml", src)
		for _, pr := range problems {
			if pr.Line < 0 || pr.Col < 0 || pr.Message == "" {
				t.Fatalf("malformed problem %+v", pr)
			}
		}
		refusedCheaply(t, MaxConfigSize, src, func(b []byte) Problems { _, ps := DecodeConfig("coach.toml", b); return ps })
	})
}

// The bounds scanner runs on any bytes before any parser, and must finish.
func FuzzCheckTOML(f *testing.F) {
	f.Add(DefaultMatrixTOML())
	f.Add([]byte("a = [{b.c = [1, {d = '''x'''}]}, \"]\"]\n[[e.f]]\n"))
	f.Add([]byte("a = \"\"\"\\\"\"\"\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkTOML("f.toml", src, skillFileLimit)
	})
}

func FuzzIndexSource(f *testing.F) {
	f.Add(string(DefaultMatrixTOML()))
	f.Add("a = [\n{ b = '''x''' },\n]\n[[c.d]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		ix := indexSource(src)
		for path, pos := range ix.keys {
			if pos.Line < 1 || pos.Col < 1 {
				t.Fatalf("key %q at %+v", path, pos)
			}
		}
	})
}

// ParsePerson reads with go-toml and falls back to BurntSushi/toml. Where
// both parsers accept a file they must give the same person, and go-toml
// must not accept a file that BurntSushi/toml, the parser of `coach check`,
// refuses: history would then read a version check rejects.
func FuzzParsePersonParsersAgree(f *testing.F) {
	seeds, _ := filepath.Glob("../repo-example/*/*.toml")
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("evidence = [{ skill = \"a\", date = 2026-01-02 }]\n"))
	f.Add([]byte("[[goal]]\ndue = 2026-02-30\n[[goal]]\ndue = 2026-02-28T10:00:00\n"))
	f.Add([]byte("t = { a = 1,\n b = 2 }\n")) // TOML 1.1: BurntSushi only
	f.Add([]byte("[levels]\na = 0x10\nb = 1_000\nc = +3\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var fast, slow map[string]any
		fastErr := gotoml.Unmarshal(src, &fast)
		_, slowErr := toml.Decode(string(src), &slow)
		switch {
		case fastErr == nil && slowErr != nil:
			t.Fatalf("go-toml accepts what BurntSushi/toml refuses (%v): %q", slowErr, src)
		case fastErr == nil && slowErr == nil:
			var a, b personFile
			fillLenient(&a, fast)
			fillLenient(&b, slow)
			if diff := cmp.Diff(b.person("skills/f.toml"), a.person("skills/f.toml")); diff != "" {
				t.Fatalf("parsers disagree on %q (-BurntSushi +go-toml):\n%s", src, diff)
			}
		}
	})
}

// The bounds scan is not a TOML parser: where it reads the text otherwise
// than the decoder (a quote in a header's comment once opened a string for
// it), what it measures is not what the decoder builds. A file it lets
// through must not decode into values nested deeper than its limit allows
// (an array of tables counts one level more in the decoded value).
func FuzzBoundsAgreeWithDecoder(f *testing.F) {
	f.Add("[levels] # '''\nx = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n# '''\n")
	f.Add("a = [{b.c = [1, {d = '''x'''}]}, \"]\"]\n[[e.f]] # \"\n")
	f.Add("a = 1979-05-27 07:32:00 # '''\nb = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		if len(checkTOML("f.toml", []byte(src), skillFileLimit)) > 0 {
			return
		}
		var v map[string]any
		if _, err := toml.Decode(src, &v); err != nil {
			return
		}
		if d := valueDepth(v); d > 2*MaxDepth+1 {
			t.Fatalf("the bounds scan let through values %d levels deep", d)
		}
	})
}

func valueDepth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			d = max(d, valueDepth(e))
		}
	case []map[string]any:
		for _, e := range v {
			d = max(d, valueDepth(e))
		}
	case []any:
		for _, e := range v {
			d = max(d, valueDepth(e))
		}
	default:
		return 0
	}
	return d + 1
}

// A file the fast read vouches for is one the plain read finds no error in,
// and both read the same person and warnings from it.
func FuzzDecodePersonFastAgrees(f *testing.F) {
	for _, glob := range []string{"../repo-example/skills/*.toml", "../repo-example/history/*.toml", "../cmd/coach/testdata/team2/*/*.toml"} {
		seeds, _ := filepath.Glob(glob)
		for _, s := range seeds {
			if src, err := os.ReadFile(s); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("name = \"A\"\nrole = \"pm\"\nfocus = []\n[levels]\n"))
	f.Add([]byte("Name = \"A\"\nrole = \"pm\"\n"))
	f.Add([]byte("name = \"A\"\nrole = \"pm\"\nassessed = 2026-01-02T10:00:00\n"))
	f.Add([]byte("name = \"A\"\nrole = \"pm\"\n[[goal]]\ntext = \"x\"\nskills = [1]\n"))
	f.Add([]byte("name = \"A\"\nrole = \"pm\"\ngoal = [{ text = \"x\", due = 2027-01-01 }]\n"))
	m, err := DefaultMatrix()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fast, fastProblems, _, ok := decodePersonFast("skills/f.toml", src, m)
		if !ok {
			return
		}
		plain, problems := decodePerson("skills/f.toml", src, m, decodeStrict)
		if diff := cmp.Diff(problems, fastProblems, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("the reads find other problems in %q (-plain +fast):\n%s", src, diff)
		}
		if diff := cmp.Diff(plain, fast); diff != "" {
			t.Fatalf("the reads disagree on %q (-plain +fast):\n%s", src, diff)
		}
	})
}

// The example's files are read the fast way: the plain one is for files
// with a problem.
func TestDecodePersonFastReadsTheExample(t *testing.T) {
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../repo-example/skills/*.toml")
	if len(files) == 0 {
		t.Fatal("no example skill files")
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, _, ok := decodePersonFast("skills/"+filepath.Base(name), src, m); !ok {
			t.Errorf("%s is read the plain way", name)
		}
	}
}

// ReadPerson decodes a file once for what DecodePerson and ParsePerson
// each decode it for, and reads it as each of them does.
func FuzzReadPersonAgrees(f *testing.F) {
	seeds, _ := filepath.Glob("../repo-example/skills/*.toml")
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("Name = \"A\"\nrole = \"pm\"\n"))                                                  // miscased: BurntSushi fills name, go-toml does not
	f.Add([]byte("name = 3\nrole = \"pm\"\n[levels]\nnegotiation = 2\n"))                           // a type BurntSushi refuses
	f.Add([]byte("name = \"A\"\nrole = \"pm\"\n[levels]\nnegotiation = 9\n"))                       // off the scale: kept leniently
	f.Add([]byte("name = \"A\"\nrole = \"pm\"\nlevels.negotiation = 2\n[levels]\nsynthesis = 3\n")) // go-toml refuses, BurntSushi reads
	f.Add([]byte("name = \"A\"\n[levels\n"))                                                        // broken
	f.Add([]byte("<<<<<<< HEAD\nname = \"A\"\n=======\nname = \"B\"\n>>>>>>> x\n"))
	m, err := DefaultMatrix()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const path = "skills/f.toml"
		got := ReadPerson(path, src, m)
		strict, problems := DecodePerson(path, src, m)
		if diff := cmp.Diff(PersonRead{Person: strict, Problems: problems}, PersonRead{Person: got.Person, Problems: got.Problems}, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("ReadPerson is not DecodePerson on %q (-DecodePerson +ReadPerson):\n%s", src, diff)
		}
		lenient, _ := ParsePerson(path, src)
		if diff := cmp.Diff(lenient, got.Lenient); diff != "" {
			t.Fatalf("ReadPerson is not ParsePerson on %q (-ParsePerson +ReadPerson):\n%s", src, diff)
		}
	})
}
