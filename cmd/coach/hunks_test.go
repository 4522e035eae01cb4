package main

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

// The diff plan --check and team --check print must have hunk headers that
// patch and editors can trust: each hunk's new start is its old start moved
// by the lines the hunks before it added or removed. go-udiff v0.4.1 let the
// new start drift (a plan of Alice's, with one level and the assessed date
// raised, is the case in testdata/hunks).
func TestCheckDiffHunks(t *testing.T) {
	old, err := os.ReadFile("testdata/hunks/old.md")
	if err != nil {
		t.Fatal(err)
	}
	cur, err := os.ReadFile("testdata/hunks/new.md")
	if err != nil {
		t.Fatal(err)
	}
	diff := udiff.Unified("a/plans/alice.md", "b/plans/alice.md", string(old), string(cur))
	header := regexp.MustCompile(`^@@ -(\d+),(\d+) \+(\d+),(\d+) @@`)
	shift, hunks := 0, 0
	for _, line := range strings.Split(diff, "\n") {
		m := header.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n := make([]int, 4)
		for i := range n {
			n[i], _ = strconv.Atoi(m[i+1])
		}
		if n[2] != n[0]+shift {
			t.Errorf("%s: the new start should be %d", line, n[0]+shift)
		}
		shift += n[3] - n[1]
		hunks++
	}
	if hunks < 2 {
		t.Fatalf("%d hunks; the case needs several:\n%s", hunks, diff)
	}
	if got, want := strings.Count(string(cur), "\n")-strings.Count(string(old), "\n"), shift; got != want {
		t.Errorf("the hunks add %d lines, the files differ by %d", want, got)
	}
}
