package skills

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkIndexSource(b *testing.B) {
	src := string(DefaultMatrixTOML())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		indexSource(src)
	}
}

func BenchmarkDecodeMatrix(b *testing.B) {
	src := DefaultMatrixTOML()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		DecodeMatrix("matrix.toml", src)
	}
}

func BenchmarkDecodePerson(b *testing.B) {
	m, err := DefaultMatrix()
	if err != nil {
		b.Fatal(err)
	}
	src := []byte("name = \"Alice\"\nrole = \"pm\"\n" + allLevels(b) + "[[goal]]\ntext = \"x\"\ndue = 2027-01-01\n")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		DecodePerson("skills/alice.toml", src, m)
	}
}

// BenchmarkCheckTOML is the scan of the limits that runs before every
// decode: it allocates nothing.
func BenchmarkCheckTOML(b *testing.B) {
	src := DefaultMatrixTOML()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		checkTOML("matrix.toml", src, matrixLimit)
	}
}

// BenchmarkParsePerson is the lenient reading of a skill file that the
// history does for every version of every file: the example team's files.
func BenchmarkParsePerson(b *testing.B) {
	files, _ := filepath.Glob("../repo-example/skills/*.toml")
	if len(files) == 0 {
		b.Fatal("no example skill files")
	}
	var srcs [][]byte
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			if _, err := ParsePerson("skills/p.toml", src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadPerson is what coach diff reads of each skill file of a
// side, the example team's files: its problems and its lenient person,
// from one decoding, against DecodePerson and ParsePerson called apart.
func BenchmarkReadPerson(b *testing.B) {
	files, _ := filepath.Glob("../repo-example/skills/*.toml")
	if len(files) == 0 {
		b.Fatal("no example skill files")
	}
	m, err := DefaultMatrix()
	if err != nil {
		b.Fatal(err)
	}
	srcs := map[string][]byte{}
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs["skills/"+filepath.Base(f)] = src
		size += len(src)
	}
	b.Run("once", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for path, src := range srcs {
				ReadPerson(path, src, m)
			}
		}
	})
	b.Run("apart", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for path, src := range srcs {
				DecodePerson(path, src, m)
				_, _ = ParsePerson(path, src)
			}
		}
	})
}
