package dev.selfheal.fix.recipes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.HashSet;
import java.util.Set;

/**
 * How a source file uses an unresolved simple type name: the evidence that tells candidates apart.
 */
record TypeUsage(
    Set<Integer> typeArgumentCounts,
    Set<String> staticMembers,
    Set<Integer> constructorArities,
    Set<String> instanceMethods) {

  static TypeUsage of(CompilationUnit cu, String name) {
    Set<Integer> typeArgs = new HashSet<>();
    Set<String> statics = new HashSet<>();
    Set<Integer> ctors = new HashSet<>();
    // Each variable of the type with the part of the file it is visible in: a name like `e` is
    // reused for other types elsewhere, and their calls say nothing about this one.
    java.util.List<java.util.Map.Entry<String, Node>> variables = new java.util.ArrayList<>();
    for (ClassOrInterfaceType t : cu.findAll(ClassOrInterfaceType.class)) {
      if (t.getScope().isEmpty() && t.getNameAsString().equals(name)) {
        t.getTypeArguments()
            .ifPresent(
                a -> {
                  if (!a.isEmpty()) {
                    typeArgs.add(a.size()); // the diamond <> says generic, but not how many
                  }
                });
      }
    }
    for (ObjectCreationExpr o : cu.findAll(ObjectCreationExpr.class)) {
      if (o.getType().getScope().isEmpty() && o.getType().getNameAsString().equals(name)) {
        ctors.add(o.getArguments().size());
      }
    }
    for (VariableDeclarator v : cu.findAll(VariableDeclarator.class)) {
      if (isNamed(v.getType(), name)) {
        variables.add(java.util.Map.entry(v.getNameAsString(), scopeOf(v, cu)));
      }
    }
    for (Parameter p : cu.findAll(Parameter.class)) {
      if (isNamed(p.getType(), name)) {
        variables.add(java.util.Map.entry(p.getNameAsString(), p.getParentNode().orElse(cu)));
      }
    }
    Set<String> instance = new HashSet<>();
    for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
      if (m.getScope().isPresent() && m.getScope().get() instanceof NameExpr n) {
        if (n.getNameAsString().equals(name)) {
          statics.add(m.getNameAsString());
        } else if (variables.stream()
            .anyMatch(
                v -> v.getKey().equals(n.getNameAsString()) && v.getValue().isAncestorOf(m))) {
          instance.add(m.getNameAsString());
        }
      }
    }
    for (FieldAccessExpr f : cu.findAll(FieldAccessExpr.class)) {
      if (f.getScope() instanceof NameExpr n && n.getNameAsString().equals(name)) {
        statics.add(f.getNameAsString());
      }
    }
    return new TypeUsage(typeArgs, statics, ctors, instance);
  }

  /** Where a local variable or field is visible: its block, loop, try, lambda or type. */
  private static Node scopeOf(VariableDeclarator v, CompilationUnit cu) {
    Node n = v.getParentNode().orElse(cu);
    while (!(n instanceof BlockStmt
            || n instanceof ForStmt
            || n instanceof ForEachStmt
            || n instanceof TryStmt
            || n instanceof LambdaExpr
            || n instanceof TypeDeclaration<?>
            || n instanceof CompilationUnit)
        && n.getParentNode().isPresent()) {
      n = n.getParentNode().get();
    }
    return n;
  }

  private static boolean isNamed(Type t, String name) {
    return t instanceof ClassOrInterfaceType c
        && c.getScope().isEmpty()
        && c.getNameAsString().equals(name);
  }

  boolean isEmpty() {
    return typeArgumentCounts.isEmpty()
        && staticMembers.isEmpty()
        && constructorArities.isEmpty()
        && instanceMethods.isEmpty();
  }
}
