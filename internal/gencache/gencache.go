// Package gencache is the cache policy of the history walk: two generations
// of entries, the recent one and the one before it. When the recent
// generation is full it becomes the older one and the older one is dropped
// whole, so the cache costs a map lookup and no list to keep. An entry found
// in the older generation moves to the recent one. Two caches use it:
// decoded skill file versions (counted, in history) and resolved pack
// objects (by size, in internal/gitobj).
package gencache

// Cache holds entries in two generations. It is not safe for concurrent use.
type Cache[K comparable, V any] struct {
	Limit int         // of the recent generation, in cost units
	Cost  func(V) int // nil: each entry costs 1

	size          int
	recent, older map[K]V
}

// Get returns the entry of k, moving it to the recent generation.
func (g *Cache[K, V]) Get(k K) (V, bool) {
	if v, ok := g.recent[k]; ok {
		return v, true
	}
	v, ok := g.older[k]
	if ok {
		g.Put(k, v)
	}
	return v, ok
}

// Put adds an entry to the recent generation, starting a new one when it
// is full.
func (g *Cache[K, V]) Put(k K, v V) {
	c := 1
	if g.Cost != nil {
		c = g.Cost(v)
	}
	if g.recent == nil || g.size+c > g.Limit {
		g.older, g.recent, g.size = g.recent, map[K]V{}, 0
	}
	g.recent[k] = v
	g.size += c
}
