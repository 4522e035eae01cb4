package skills

import (
	"os"
	"path/filepath"
	"testing"
)

// The decoders take any bytes a user (or a broken merge) can put in a file:
// they must never panic, and must return either a value or an error.

func FuzzDecodePerson(f *testing.F) {
	seeds, _ := filepath.Glob("../repo-example/skills/*.toml")
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("name = \"x\"\n= 3\n"))
	f.Add([]byte("[levels]\na = \"3\"\n[[goal]]\ndue = \"2027-01-01\"\n"))
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
