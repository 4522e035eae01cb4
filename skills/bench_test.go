package skills

import "testing"

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
