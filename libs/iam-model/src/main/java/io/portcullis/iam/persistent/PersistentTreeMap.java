package io.portcullis.iam.persistent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable sorted map from strings to values: an AVL tree whose updates copy only the O(log n) nodes
 * on the path to the change and share the rest, so a new version of a 5,000-entry directory costs about a
 * dozen small allocations instead of a copy.
 */
public final class PersistentTreeMap<V> {

    private static final PersistentTreeMap<?> EMPTY = new PersistentTreeMap<>(null);

    private final Node<V> root;

    private PersistentTreeMap(Node<V> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static <V> PersistentTreeMap<V> empty() {
        return (PersistentTreeMap<V>) EMPTY;
    }

    public int size() {
        return size(root);
    }

    public boolean isEmpty() {
        return root == null;
    }

    public V get(String key) {
        Node<V> node = root;
        while (node != null) {
            int c = key.compareTo(node.key);
            if (c == 0) {
                return node.value;
            }
            node = c < 0 ? node.left : node.right;
        }
        return null;
    }

    public boolean containsKey(String key) {
        return get(key) != null;
    }

    /** @throws NullPointerException for a null value: absence is how the map says "no entry" */
    public PersistentTreeMap<V> put(String key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        return new PersistentTreeMap<>(insert(root, key, value));
    }

    public PersistentTreeMap<V> remove(String key) {
        return containsKey(key) ? new PersistentTreeMap<>(delete(root, key)) : this;
    }

    /** Values in key order, starting at {@code from} (inclusive or not); {@code null} starts at the first. */
    public Iterator<V> valuesFrom(String from, boolean inclusive) {
        Deque<Node<V>> stack = new ArrayDeque<>();
        Node<V> node = root;
        while (node != null) {
            int c = from == null ? -1 : from.compareTo(node.key);
            if (c < 0 || (c == 0 && inclusive)) {
                stack.push(node);
                node = node.left;
            } else {
                node = node.right;
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !stack.isEmpty();
            }

            @Override
            public V next() {
                if (stack.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Node<V> current = stack.pop();
                for (Node<V> n = current.right; n != null; n = n.left) {
                    stack.push(n);
                }
                return current.value;
            }
        };
    }

    /** Height of the tree, for tests of the balance invariant. */
    public int height() {
        return height(root);
    }

    private record Node<V>(String key, V value, Node<V> left, Node<V> right, int height, int size) {
    }

    private static <V> int height(Node<V> node) {
        return node == null ? 0 : node.height;
    }

    private static <V> int size(Node<V> node) {
        return node == null ? 0 : node.size;
    }

    private static <V> Node<V> node(String key, V value, Node<V> left, Node<V> right) {
        return new Node<>(key, value, left, right, 1 + Math.max(height(left), height(right)), 1 + size(left) + size(right));
    }

    private static <V> Node<V> balanced(String key, V value, Node<V> left, Node<V> right) {
        int balance = height(left) - height(right);
        if (balance > 1) {
            if (height(left.left) >= height(left.right)) {
                return node(left.key, left.value, left.left, node(key, value, left.right, right));
            }
            Node<V> pivot = left.right;
            return node(pivot.key, pivot.value, node(left.key, left.value, left.left, pivot.left),
                    node(key, value, pivot.right, right));
        }
        if (balance < -1) {
            if (height(right.right) >= height(right.left)) {
                return node(right.key, right.value, node(key, value, left, right.left), right.right);
            }
            Node<V> pivot = right.left;
            return node(pivot.key, pivot.value, node(key, value, left, pivot.left),
                    node(right.key, right.value, pivot.right, right.right));
        }
        return node(key, value, left, right);
    }

    private static <V> Node<V> insert(Node<V> node, String key, V value) {
        if (node == null) {
            return node(key, value, null, null);
        }
        int c = key.compareTo(node.key);
        if (c < 0) {
            return balanced(node.key, node.value, insert(node.left, key, value), node.right);
        }
        if (c > 0) {
            return balanced(node.key, node.value, node.left, insert(node.right, key, value));
        }
        return node(key, value, node.left, node.right);
    }

    private static <V> Node<V> delete(Node<V> node, String key) {
        int c = key.compareTo(node.key);
        if (c < 0) {
            return balanced(node.key, node.value, delete(node.left, key), node.right);
        }
        if (c > 0) {
            return balanced(node.key, node.value, node.left, delete(node.right, key));
        }
        if (node.left == null) {
            return node.right;
        }
        if (node.right == null) {
            return node.left;
        }
        Node<V> min = node.right;
        while (min.left != null) {
            min = min.left;
        }
        return balanced(min.key, min.value, node.left, deleteMin(node.right));
    }

    private static <V> Node<V> deleteMin(Node<V> node) {
        if (node.left == null) {
            return node.right;
        }
        return balanced(node.key, node.value, deleteMin(node.left), node.right);
    }
}
