// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

// Memory is one kind of fact a provider process remembers for its later RPCs (a relationship a
// refresh read, for the plan of its assignments), of type T, under keys of its own: one Memory per
// kind of fact, so that no key of one kind is ever read as another. A nil ProviderData (before
// Configure) remembers nothing.
type Memory[T any] struct{ kind string }

// NewMemory is the memory of one kind of fact; kind must be unique in the provider
// ("gdap/relationship").
func NewMemory[T any](kind string) Memory[T] { return Memory[T]{kind: kind} }

// Remember keeps v under key for the rest of d's provider process.
func (m Memory[T]) Remember(d *ProviderData, key string, v T) {
	if d != nil {
		d.memory.Store(m.kind+"\x00"+key, v)
	}
}

// Recall is what was remembered under key, if anything.
func (m Memory[T]) Recall(d *ProviderData, key string) (T, bool) {
	if d == nil {
		var zero T
		return zero, false
	}
	return m.typed(d.memory.Load(m.kind + "\x00" + key))
}

// Take is what was remembered under key, if anything, and forgets it.
func (m Memory[T]) Take(d *ProviderData, key string) (T, bool) {
	if d == nil {
		var zero T
		return zero, false
	}
	return m.typed(d.memory.LoadAndDelete(m.kind + "\x00" + key))
}

func (m Memory[T]) typed(v any, ok bool) (T, bool) {
	t, isT := v.(T)
	return t, ok && isT
}
