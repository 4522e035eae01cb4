package main

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// The head side takes what the base found in a file it shares, and reads
// the same as a head whose every file is checked again: the same people,
// the same errors in the same order.
func TestSideReaderReuse(t *testing.T) {
	matrix := func() *skills.Matrix {
		m, err := skills.DefaultMatrix()
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	// A matrix without the skill negotiation, which makes it an error.
	fewer := matrix()
	fewer.Skills = slices.DeleteFunc(fewer.Skills, func(s skills.Skill) bool { return s.ID == "negotiation" })

	alice := "name = \"Alice\"\nrole = \"pm\"\n\n[levels]\nnegotiation = 2\n"
	ben := "name = \"Ben\"\nrole = \"pm\"\n\n[levels]\nnegotiation = 9\n"
	chloe := "name = \"Chloe\"\nrole = \"pm\"\nrole = \"gpm\"\n"
	base := map[string][]byte{"skills/alice.toml": []byte(alice), "skills/ben.toml": []byte(ben),
		"skills/chloe.toml": []byte(chloe), "skills/erin.toml": []byte(alice)}
	head := map[string][]byte{"skills/alice.toml": []byte(alice), "skills/ben.toml": []byte(ben),
		"skills/chloe.toml": []byte("name = \"Chloe\"\nrole = \"gpm\"\n"), "skills/dana.toml": []byte(chloe),
		"skills/erin-smith.toml": []byte(alice)}

	type read struct {
		Base, Head         plans.Side
		BaseErrs, HeadErrs skills.Problems
		Stderr             string
	}
	readBoth := func(plain bool, baseMatrix, headMatrix *skills.Matrix) read {
		var stderr bytes.Buffer
		r := &sideReader{ctx: context.Background(), stderr: &stderr, plain: plain}
		var got read
		var err error
		if got.Base, got.BaseErrs, err = r.read(baseMatrix, base, "main", "main:"); err != nil {
			t.Fatal(err)
		}
		if got.Head, got.HeadErrs, err = r.read(headMatrix, head, "the working tree", ""); err != nil {
			t.Fatal(err)
		}
		got.Stderr = stderr.String()
		return got
	}
	for _, tt := range []struct {
		name       string
		headMatrix *skills.Matrix
		shared     bool
	}{
		{"equal matrices", matrix(), true},
		{"the matrix changed", fewer, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			baseMatrix := matrix()
			want := readBoth(true, baseMatrix, tt.headMatrix)
			got := readBoth(false, baseMatrix, tt.headMatrix)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-every file checked +shared files checked once):\n%s", diff)
			}
			if len(want.BaseErrs) == 0 || len(want.HeadErrs) == 0 {
				t.Fatalf("no errors on one side: the test compares too little:\n%s", want.Stderr)
			}
			if shared := got.Base.People["alice"] == got.Head.People["alice"]; shared != tt.shared {
				t.Errorf("alice's file read once: %v, want %v", shared, tt.shared)
			}
		})
	}
}
