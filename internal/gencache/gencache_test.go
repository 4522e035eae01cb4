package gencache

import "testing"

func TestCache(t *testing.T) {
	g := Cache[string, string]{Limit: 4, Cost: func(v string) int { return len(v) }}
	g.Put("a", "aa")
	g.Put("b", "bb") // recent: a, b (4)
	g.Put("c", "cc") // full: a and b become the older generation
	if _, ok := g.Get("a"); !ok {
		t.Fatal("a dropped one generation early")
	}
	// Getting a moved it to the recent generation beside c; d starts a new
	// one, and b, left in the older generation, is dropped.
	g.Put("d", "dd")
	for _, k := range []string{"b", "a", "c", "d"} { // a get can move entries: a fixed order
		if _, ok := g.Get(k); ok != (k != "b") {
			t.Errorf("%s cached %v", k, ok)
		}
	}
}
