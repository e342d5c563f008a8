;; dlkit's own WASM kernels: loops that tfjs-backend-wasm runs as many separate or scalar passes.
;; They work in place on tfjs's heap (the memory is imported), on byte addresses of float32 arrays.
;; scripts/build-wasm-kernels.mjs compiles this file twice, for a shared memory (the threaded build)
;; and an unshared one; {{MEMORY}} becomes the import's limits.
(module
  (import "env" "memory" (memory {{MEMORY}}))

  ;; One Adam step over n values, every operation rounded to float32 in the order tfjs's ops use:
  ;;   m' = m·β1 + g·(1−β1)     v' = v·β2 + (g·g)·(1−β2)     p' = p − (m' / (√v' + ε̂))·α̂
  ;; so the result equals the composed tf ops bit for bit.
  (func (export "adam")
    (param $p i32) (param $g i32) (param $m i32) (param $v i32)
    (param $pOut i32) (param $mOut i32) (param $vOut i32) (param $n i32)
    (param $beta1 f32) (param $oneMinusBeta1 f32) (param $beta2 f32) (param $oneMinusBeta2 f32)
    (param $epsilon f32) (param $stepSize f32)
    (local $offset i32) (local $end i32) (local $vectorEnd i32)
    (local $gv v128) (local $mv v128) (local $vv v128)
    (local $b1 v128) (local $c1 v128) (local $b2 v128) (local $c2 v128) (local $eps v128) (local $lr v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $b1 (f32x4.splat (local.get $beta1)))
    (local.set $c1 (f32x4.splat (local.get $oneMinusBeta1)))
    (local.set $b2 (f32x4.splat (local.get $beta2)))
    (local.set $c2 (f32x4.splat (local.get $oneMinusBeta2)))
    (local.set $eps (f32x4.splat (local.get $epsilon)))
    (local.set $lr (f32x4.splat (local.get $stepSize)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vectorEnd (i32.and (local.get $end) (i32.const -16)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $offset) (local.get $vectorEnd)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $offset))))
        (local.set $mv
          (f32x4.add
            (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $offset))) (local.get $b1))
            (f32x4.mul (local.get $gv) (local.get $c1))))
        (local.set $vv
          (f32x4.add
            (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $offset))) (local.get $b2))
            (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (local.get $c2))))
        (v128.store (i32.add (local.get $mOut) (local.get $offset)) (local.get $mv))
        (v128.store (i32.add (local.get $vOut) (local.get $offset)) (local.get $vv))
        (v128.store (i32.add (local.get $pOut) (local.get $offset))
          (f32x4.sub
            (v128.load (i32.add (local.get $p) (local.get $offset)))
            (f32x4.mul
              (f32x4.div (local.get $mv) (f32x4.add (f32x4.sqrt (local.get $vv)) (local.get $eps)))
              (local.get $lr))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $offset) (local.get $end)))
        (local.set $gs (f32.load (i32.add (local.get $g) (local.get $offset))))
        (local.set $ms
          (f32.add
            (f32.mul (f32.load (i32.add (local.get $m) (local.get $offset))) (local.get $beta1))
            (f32.mul (local.get $gs) (local.get $oneMinusBeta1))))
        (local.set $vs
          (f32.add
            (f32.mul (f32.load (i32.add (local.get $v) (local.get $offset))) (local.get $beta2))
            (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $oneMinusBeta2))))
        (f32.store (i32.add (local.get $mOut) (local.get $offset)) (local.get $ms))
        (f32.store (i32.add (local.get $vOut) (local.get $offset)) (local.get $vs))
        (f32.store (i32.add (local.get $pOut) (local.get $offset))
          (f32.sub
            (f32.load (i32.add (local.get $p) (local.get $offset)))
            (f32.mul
              (f32.div (local.get $ms) (f32.add (f32.sqrt (local.get $vs)) (local.get $epsilon)))
              (local.get $stepSize))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 4)))
        (br $tail))))

  ;; A moving average over n float32 values, out = average·d + current·e with d = decay and e = 1 − decay
  ;; (both rounded to float32 by the caller): each product is rounded to float32 before the add, with no
  ;; fused multiply-add, so the result equals tf.add(tf.mul(average, d), tf.mul(current, e)) bit for bit
  ;; in one pass where tfjs's ops take three.
  (func (export "movingAverage") (param $average i32) (param $current i32) (param $out i32) (param $n i32)
    (param $decay f32) (param $oneMinusDecay f32)
    (local $offset i32) (local $end i32) (local $vectorEnd i32) (local $dv v128) (local $ev v128)
    (local.set $dv (f32x4.splat (local.get $decay)))
    (local.set $ev (f32x4.splat (local.get $oneMinusDecay)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vectorEnd (i32.and (local.get $end) (i32.const -16)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $offset) (local.get $vectorEnd)))
        (v128.store (i32.add (local.get $out) (local.get $offset))
          (f32x4.add
            (f32x4.mul (v128.load (i32.add (local.get $average) (local.get $offset))) (local.get $dv))
            (f32x4.mul (v128.load (i32.add (local.get $current) (local.get $offset))) (local.get $ev))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $offset) (local.get $end)))
        (f32.store (i32.add (local.get $out) (local.get $offset))
          (f32.add
            (f32.mul (f32.load (i32.add (local.get $average) (local.get $offset))) (local.get $decay))
            (f32.mul (f32.load (i32.add (local.get $current) (local.get $offset))) (local.get $oneMinusDecay))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 4)))
        (br $tail))))

  ;; LeakyRelu, y = x < 0 ? α·x : x over n float32 values as stock computes it (−0 and NaN pass through);
  ;; stock wasm runs it as a scalar loop ~40× slower.
  (func (export "leakyRelu") (param $x i32) (param $y i32) (param $n i32) (param $alpha f32)
    (local $offset i32) (local $end i32) (local $vectorEnd i32) (local $xv v128) (local $av v128) (local $xs f32)
    (local.set $av (f32x4.splat (local.get $alpha)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vectorEnd (i32.and (local.get $end) (i32.const -16)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $offset) (local.get $vectorEnd)))
        (local.set $xv (v128.load (i32.add (local.get $x) (local.get $offset))))
        (v128.store (i32.add (local.get $y) (local.get $offset))
          (v128.bitselect (f32x4.mul (local.get $xv) (local.get $av)) (local.get $xv)
            (f32x4.lt (local.get $xv) (v128.const i32x4 0 0 0 0))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $offset) (local.get $end)))
        (local.set $xs (f32.load (i32.add (local.get $x) (local.get $offset))))
        (f32.store (i32.add (local.get $y) (local.get $offset))
          (select (f32.mul (local.get $xs) (local.get $alpha)) (local.get $xs) (f32.lt (local.get $xs) (f32.const 0))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 4)))
        (br $tail))))

  ;; out[c] = Σ_r x[r][c] for a rows×cols float32 matrix: sums over every axis but the last (a bias's
  ;; gradient). Each column is summed row after row in float32, the order of stock's Sum after it has
  ;; transposed the reduced axes innermost (a pass stock wasm spends more time on than the sums).
  (func (export "columnSums") (param $x i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $end i32) (local $vectorEnd i32) (local $o i32) (local $r i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $cols) (i32.const 2))))
    (local.set $vectorEnd (i32.sub (local.get $end) (i32.const 12)))
    (local.set $o (local.get $out))
    (block $zeroDone
      (loop $zero
        (br_if $zeroDone (i32.ge_u (local.get $o) (local.get $end)))
        (f32.store (local.get $o) (f32.const 0))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $zero)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $o (local.get $out))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.ge_u (local.get $o) (local.get $vectorEnd)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (v128.load (local.get $x))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $vectors)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $o) (local.get $end)))
            (f32.store (local.get $o) (f32.add (f32.load (local.get $o)) (f32.load (local.get $x))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $tail)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))

  ;; out[r][c] = x[r][c] ∘ v[c] for a rows×cols float32 matrix and a vector of cols values, with ∘ the
  ;; float32 add (op 0), subtract (1) or multiply (2): a per-channel bias, centring or scale over
  ;; [batch, height, width, channels], which stock wasm runs through its general broadcasting loop.
  (func (export "channelBroadcast") (param $x i32) (param $v i32) (param $out i32) (param $rows i32) (param $cols i32)
    (param $op i32)
    (local $r i32) (local $c i32) (local $vectorEnd i32) (local $rowBytes i32) (local $xv v128) (local $vv v128)
    (local $xs f32) (local $vs f32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $vectorEnd (i32.and (local.get $rowBytes) (i32.const -16)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $c (i32.const 0))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.ge_u (local.get $c) (local.get $vectorEnd)))
            (local.set $xv (v128.load (i32.add (local.get $x) (local.get $c))))
            (local.set $vv (v128.load (i32.add (local.get $v) (local.get $c))))
            (v128.store (i32.add (local.get $out) (local.get $c))
              (if (result v128) (i32.eqz (local.get $op))
                (then (f32x4.add (local.get $xv) (local.get $vv)))
                (else
                  (if (result v128) (i32.eq (local.get $op) (i32.const 1))
                    (then (f32x4.sub (local.get $xv) (local.get $vv)))
                    (else (f32x4.mul (local.get $xv) (local.get $vv)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $vectors)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $c) (local.get $rowBytes)))
            (local.set $xs (f32.load (i32.add (local.get $x) (local.get $c))))
            (local.set $vs (f32.load (i32.add (local.get $v) (local.get $c))))
            (f32.store (i32.add (local.get $out) (local.get $c))
              (if (result f32) (i32.eqz (local.get $op))
                (then (f32.add (local.get $xs) (local.get $vs)))
                (else
                  (if (result f32) (i32.eq (local.get $op) (i32.const 1))
                    (then (f32.sub (local.get $xs) (local.get $vs)))
                    (else (f32.mul (local.get $xs) (local.get $vs)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $tail)))
        (local.set $x (i32.add (local.get $x) (local.get $rowBytes)))
        (local.set $out (i32.add (local.get $out) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))

  ;; out[r][c] = x[r][c] ∘ v[r] for a rows×cols float32 matrix and a vector of rows values, ∘ as in
  ;; channelBroadcast: a per-feature bias, centring or scale of samples stored in columns ([features,
  ;; batch], denseByColumns' layout), which stock wasm also runs through its general broadcasting loop.
  (func (export "rowBroadcast") (param $x i32) (param $v i32) (param $out i32) (param $rows i32) (param $cols i32)
    (param $op i32)
    (local $r i32) (local $c i32) (local $vectorEnd i32) (local $rowBytes i32) (local $xv v128) (local $vv v128)
    (local $xs f32) (local $vs f32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $vectorEnd (i32.and (local.get $rowBytes) (i32.const -16)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $vs (f32.load (i32.add (local.get $v) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $vv (f32x4.splat (local.get $vs)))
        (local.set $c (i32.const 0))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.ge_u (local.get $c) (local.get $vectorEnd)))
            (local.set $xv (v128.load (i32.add (local.get $x) (local.get $c))))
            (v128.store (i32.add (local.get $out) (local.get $c))
              (if (result v128) (i32.eqz (local.get $op))
                (then (f32x4.add (local.get $xv) (local.get $vv)))
                (else
                  (if (result v128) (i32.eq (local.get $op) (i32.const 1))
                    (then (f32x4.sub (local.get $xv) (local.get $vv)))
                    (else (f32x4.mul (local.get $xv) (local.get $vv)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $vectors)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $c) (local.get $rowBytes)))
            (local.set $xs (f32.load (i32.add (local.get $x) (local.get $c))))
            (f32.store (i32.add (local.get $out) (local.get $c))
              (if (result f32) (i32.eqz (local.get $op))
                (then (f32.add (local.get $xs) (local.get $vs)))
                (else
                  (if (result f32) (i32.eq (local.get $op) (i32.const 1))
                    (then (f32.sub (local.get $xs) (local.get $vs)))
                    (else (f32.mul (local.get $xs) (local.get $vs)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $tail)))
        (local.set $x (i32.add (local.get $x) (local.get $rowBytes)))
        (local.set $out (i32.add (local.get $out) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))

  ;; A relu or leakyRelu gradient from the layer's output (or input), out = dy · step(y, α): dy where
  ;; y > 0, dy·α elsewhere, NaN where y is NaN (as tf.step gives). One pass instead of stock's step,
  ;; cast and multiply, each a full pass over the activations; the same bits.
  (func (export "activationGrad") (param $dy i32) (param $y i32) (param $out i32) (param $n i32) (param $alpha f32)
    (local $offset i32) (local $end i32) (local $vectorEnd i32) (local $yv v128) (local $factor v128) (local $av v128)
    (local $ys f32)
    (local.set $av (f32x4.splat (local.get $alpha)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vectorEnd (i32.and (local.get $end) (i32.const -16)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $offset) (local.get $vectorEnd)))
        (local.set $yv (v128.load (i32.add (local.get $y) (local.get $offset))))
        ;; 1 where y > 0, α elsewhere; all bits set (a NaN) where y is NaN
        (local.set $factor
          (v128.or
            (v128.bitselect (v128.const f32x4 1 1 1 1) (local.get $av) (f32x4.gt (local.get $yv) (v128.const i32x4 0 0 0 0)))
            (f32x4.ne (local.get $yv) (local.get $yv))))
        (v128.store (i32.add (local.get $out) (local.get $offset))
          (f32x4.mul (v128.load (i32.add (local.get $dy) (local.get $offset))) (local.get $factor)))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $offset) (local.get $end)))
        (local.set $ys (f32.load (i32.add (local.get $y) (local.get $offset))))
        (f32.store (i32.add (local.get $out) (local.get $offset))
          (f32.mul (f32.load (i32.add (local.get $dy) (local.get $offset)))
            (select (f32.const 1)
              (select (f32.const nan) (local.get $alpha) (f32.ne (local.get $ys) (local.get $ys)))
              (f32.gt (local.get $ys) (f32.const 0)))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 4)))
        (br $tail))))

  ;; Inverted dropout, y = x · mask, with the mask of a seeded xoshiro128** sequence: value p keeps x·keep
  ;; where the top 24 bits of draw p are ≥ threshold, else 0 (as a float32 multiply: x·0 keeps x's sign and
  ;; turns ±Infinity and NaN into NaN, as tf.mul(x, mask) does). Four lanes draw four segments of the same
  ;; sequence at once: lane l starts at draw l·segment, its state (a_l, b_l, c_l, d_l) jumped there by the
  ;; caller, and the draws from 4·segment on continue lane 3's. The same values, bit for bit, as drawing the
  ;; mask one value after another (dropout's JavaScript loop). Applied to dy with the same states it is the gradient.
  (func (export "dropout") (param $x i32) (param $y i32) (param $n i32) (param $segment i32) (param $threshold i32)
    (param $keep f32)
    (param $a0 i32) (param $b0 i32) (param $c0 i32) (param $d0 i32)
    (param $a1 i32) (param $b1 i32) (param $c1 i32) (param $d1 i32)
    (param $a2 i32) (param $b2 i32) (param $c2 i32) (param $d2 i32)
    (param $a3 i32) (param $b3 i32) (param $c3 i32) (param $d3 i32)
    (local $A v128) (local $B v128) (local $C v128) (local $D v128) (local $t v128) (local $thr v128) (local $keepV v128)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $i i32) (local $segBytes i32) (local $end i32)
    (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32) (local $y0 i32) (local $y1 i32) (local $y2 i32) (local $y3 i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $draw i32) (local $s i32) (local $keepBits i32)
    (local.set $A (i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1 (i32x4.splat (local.get $a0)) (local.get $a1)) (local.get $a2)) (local.get $a3)))
    (local.set $B (i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1 (i32x4.splat (local.get $b0)) (local.get $b1)) (local.get $b2)) (local.get $b3)))
    (local.set $C (i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1 (i32x4.splat (local.get $c0)) (local.get $c1)) (local.get $c2)) (local.get $c3)))
    (local.set $D (i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1 (i32x4.splat (local.get $d0)) (local.get $d1)) (local.get $d2)) (local.get $d3)))
    (local.set $thr (i32x4.splat (local.get $threshold)))
    (local.set $keepBits (i32.reinterpret_f32 (local.get $keep)))
    (local.set $keepV (i32x4.splat (local.get $keepBits)))
    (local.set $segBytes (i32.shl (local.get $segment) (i32.const 2)))
    ;; where each lane's segment starts, in x and in y
    (local.set $x0 (local.get $x))
    (local.set $x1 (i32.add (local.get $x0) (local.get $segBytes)))
    (local.set $x2 (i32.add (local.get $x1) (local.get $segBytes)))
    (local.set $x3 (i32.add (local.get $x2) (local.get $segBytes)))
    (local.set $y0 (local.get $y))
    (local.set $y1 (i32.add (local.get $y0) (local.get $segBytes)))
    (local.set $y2 (i32.add (local.get $y1) (local.get $segBytes)))
    (local.set $y3 (i32.add (local.get $y2) (local.get $segBytes)))
    (block $lanesDone
      (loop $lanes
        (br_if $lanesDone (i32.ge_u (local.get $i) (local.get $segBytes)))
          ;; step 0 of the four lanes: the draw from b (b·5 and ·9 as shifts and adds), then xoshiro128**'s state update
          (local.set $t (i32x4.add (i32x4.shl (local.get $B) (i32.const 2)) (local.get $B)))
          (local.set $t (v128.or (i32x4.shl (local.get $t) (i32.const 7)) (i32x4.shr_u (local.get $t) (i32.const 25))))
          (local.set $t (i32x4.shr_u (i32x4.add (i32x4.shl (local.get $t) (i32.const 3)) (local.get $t)) (i32.const 8)))
          (local.set $m0 (v128.and (local.get $keepV) (i32x4.ge_s (local.get $t) (local.get $thr))))
          (local.set $t (i32x4.shl (local.get $B) (i32.const 9)))
          (local.set $C (v128.xor (local.get $C) (local.get $A)))
          (local.set $D (v128.xor (local.get $D) (local.get $B)))
          (local.set $B (v128.xor (local.get $B) (local.get $C)))
          (local.set $A (v128.xor (local.get $A) (local.get $D)))
          (local.set $C (v128.xor (local.get $C) (local.get $t)))
          (local.set $D (v128.or (i32x4.shl (local.get $D) (i32.const 11)) (i32x4.shr_u (local.get $D) (i32.const 21))))
          ;; step 1 of the four lanes: the draw from b, then xoshiro128**'s state update
          (local.set $t (i32x4.add (i32x4.shl (local.get $B) (i32.const 2)) (local.get $B)))
          (local.set $t (v128.or (i32x4.shl (local.get $t) (i32.const 7)) (i32x4.shr_u (local.get $t) (i32.const 25))))
          (local.set $t (i32x4.shr_u (i32x4.add (i32x4.shl (local.get $t) (i32.const 3)) (local.get $t)) (i32.const 8)))
          (local.set $m1 (v128.and (local.get $keepV) (i32x4.ge_s (local.get $t) (local.get $thr))))
          (local.set $t (i32x4.shl (local.get $B) (i32.const 9)))
          (local.set $C (v128.xor (local.get $C) (local.get $A)))
          (local.set $D (v128.xor (local.get $D) (local.get $B)))
          (local.set $B (v128.xor (local.get $B) (local.get $C)))
          (local.set $A (v128.xor (local.get $A) (local.get $D)))
          (local.set $C (v128.xor (local.get $C) (local.get $t)))
          (local.set $D (v128.or (i32x4.shl (local.get $D) (i32.const 11)) (i32x4.shr_u (local.get $D) (i32.const 21))))
          ;; step 2 of the four lanes: the draw from b, then xoshiro128**'s state update
          (local.set $t (i32x4.add (i32x4.shl (local.get $B) (i32.const 2)) (local.get $B)))
          (local.set $t (v128.or (i32x4.shl (local.get $t) (i32.const 7)) (i32x4.shr_u (local.get $t) (i32.const 25))))
          (local.set $t (i32x4.shr_u (i32x4.add (i32x4.shl (local.get $t) (i32.const 3)) (local.get $t)) (i32.const 8)))
          (local.set $m2 (v128.and (local.get $keepV) (i32x4.ge_s (local.get $t) (local.get $thr))))
          (local.set $t (i32x4.shl (local.get $B) (i32.const 9)))
          (local.set $C (v128.xor (local.get $C) (local.get $A)))
          (local.set $D (v128.xor (local.get $D) (local.get $B)))
          (local.set $B (v128.xor (local.get $B) (local.get $C)))
          (local.set $A (v128.xor (local.get $A) (local.get $D)))
          (local.set $C (v128.xor (local.get $C) (local.get $t)))
          (local.set $D (v128.or (i32x4.shl (local.get $D) (i32.const 11)) (i32x4.shr_u (local.get $D) (i32.const 21))))
          ;; step 3 of the four lanes: the draw from b, then xoshiro128**'s state update
          (local.set $t (i32x4.add (i32x4.shl (local.get $B) (i32.const 2)) (local.get $B)))
          (local.set $t (v128.or (i32x4.shl (local.get $t) (i32.const 7)) (i32x4.shr_u (local.get $t) (i32.const 25))))
          (local.set $t (i32x4.shr_u (i32x4.add (i32x4.shl (local.get $t) (i32.const 3)) (local.get $t)) (i32.const 8)))
          (local.set $m3 (v128.and (local.get $keepV) (i32x4.ge_s (local.get $t) (local.get $thr))))
          (local.set $t (i32x4.shl (local.get $B) (i32.const 9)))
          (local.set $C (v128.xor (local.get $C) (local.get $A)))
          (local.set $D (v128.xor (local.get $D) (local.get $B)))
          (local.set $B (v128.xor (local.get $B) (local.get $C)))
          (local.set $A (v128.xor (local.get $A) (local.get $D)))
          (local.set $C (v128.xor (local.get $C) (local.get $t)))
          (local.set $D (v128.or (i32x4.shl (local.get $D) (i32.const 11)) (i32x4.shr_u (local.get $D) (i32.const 21))))
          ;; m_u holds step u of each lane; transposed, m_l holds lane l's four consecutive values
          (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $m0) (local.get $m1)))
          (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $m0) (local.get $m1)))
          (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $m2) (local.get $m3)))
          (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $m2) (local.get $m3)))
          (local.set $m0 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
          (local.set $m1 (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
          (local.set $m2 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
          (local.set $m3 (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
          (v128.store (i32.add (local.get $y0) (local.get $i)) (f32x4.mul (v128.load (i32.add (local.get $x0) (local.get $i))) (local.get $m0)))
          (v128.store (i32.add (local.get $y1) (local.get $i)) (f32x4.mul (v128.load (i32.add (local.get $x1) (local.get $i))) (local.get $m1)))
          (v128.store (i32.add (local.get $y2) (local.get $i)) (f32x4.mul (v128.load (i32.add (local.get $x2) (local.get $i))) (local.get $m2)))
          (v128.store (i32.add (local.get $y3) (local.get $i)) (f32x4.mul (v128.load (i32.add (local.get $x3) (local.get $i))) (local.get $m3)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $lanes)))
    ;; the rest of the sequence, one value at a time from lane 3's state
    (local.set $a (i32x4.extract_lane 3 (local.get $A)))
    (local.set $b (i32x4.extract_lane 3 (local.get $B)))
    (local.set $c (i32x4.extract_lane 3 (local.get $C)))
    (local.set $d (i32x4.extract_lane 3 (local.get $D)))
    (local.set $i (i32.shl (local.get $segBytes) (i32.const 2)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $draw (i32.shr_u
          (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9))
          (i32.const 8)))
        (local.set $s (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $s)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        ;; keep's bits where draw ≥ threshold, else +0, branch-free
        (f32.store (i32.add (local.get $y) (local.get $i))
          (f32.mul (f32.load (i32.add (local.get $x) (local.get $i)))
            (f32.reinterpret_i32 (i32.and (local.get $keepBits)
              (i32.xor (i32.shr_s (i32.sub (local.get $draw) (local.get $threshold)) (i32.const 31)) (i32.const -1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $values))))

  ;; tanh of n float32 values, each computed in float64 and rounded once (f32x4.demote), so the result is
  ;; tanh correctly rounded but where the exact value lies within ~1e-14 of a halfway point between two
  ;; float32s. tfjs-backend-wasm's Tanh is a scalar libm call per value, ~12–17 ns each. Four values a
  ;; round, as two float64 halves side by side (independent chains for the CPU to overlap):
  ;; 1 − 2/(e^(2a) + 1) for a = |x| (capped at 9.5 by a pseudo-minimum that lets NaN through, where float32's tanh is already 1), with
  ;; e^(2a) = 2^n·e^r, |r| ≤ ln2/2, e^r by its Taylor polynomial to r^12; below a = 1/8, where that
  ;; subtraction would cancel digits, tanh's own series to a^11. Both polynomials by Estrin's scheme (short
  ;; dependency chains); the constants live in locals (splatting one costs several instructions). Then x's
  ;; sign: −0 stays −0, NaN stays NaN, ±Infinity gives ±1. The last 1–3 values go through lane by lane.
  (func (export "tanh") (param $x i32) (param $y i32) (param $n i32)
    (local $offset i32) (local $end i32) (local $left i32) (local $v v128) (local $out v128)
    (local $vLo v128) (local $vHi v128) (local $aLo v128) (local $aHi v128) (local $tLo v128) (local $tHi v128) (local $nLo v128) (local $nHi v128) (local $rLo v128) (local $rHi v128) (local $r2Lo v128) (local $r2Hi v128) (local $r4Lo v128) (local $r4Hi v128) (local $r8Lo v128) (local $r8Hi v128) (local $pLo v128) (local $pHi v128) (local $yLo v128) (local $yHi v128) (local $zLo v128) (local $zHi v128) (local $z2Lo v128) (local $z2Hi v128) (local $sLo v128) (local $sHi v128) (local $q0Lo v128) (local $q0Hi v128) (local $q1Lo v128) (local $q1Hi v128) (local $q2Lo v128) (local $q2Hi v128) (local $q3Lo v128) (local $q3Hi v128) (local $q4Lo v128) (local $q4Hi v128) (local $q5Lo v128) (local $q5Hi v128)
    (local $c_magnitude v128) (local $c_bias v128) (local $c_cap v128) (local $c_log2e v128) (local $c_ln2hi v128) (local $c_ln2lo v128) (local $c_e0 v128) (local $c_e1 v128) (local $c_e2 v128) (local $c_e3 v128) (local $c_e4 v128) (local $c_e5 v128) (local $c_e6 v128) (local $c_e7 v128) (local $c_e8 v128) (local $c_e9 v128) (local $c_e10 v128) (local $c_e11 v128) (local $c_e12 v128) (local $c_s1 v128) (local $c_s2 v128) (local $c_s3 v128) (local $c_s4 v128) (local $c_s5 v128) (local $c_one v128) (local $c_two v128) (local $c_eighth v128)
    (local.set $c_magnitude (v128.const i64x2 0x7fffffffffffffff 0x7fffffffffffffff))
    (local.set $c_bias (i64x2.splat (i64.const 1023)))
    (local.set $c_cap (f64x2.splat (f64.const 9.5)))
    (local.set $c_log2e (f64x2.splat (f64.const 1.4426950408889634)))
    (local.set $c_ln2hi (f64x2.splat (f64.const 0.6931471803691238)))
    (local.set $c_ln2lo (f64x2.splat (f64.const 1.9082149292705877e-10)))
    (local.set $c_e0 (f64x2.splat (f64.const 1.0)))
    (local.set $c_e1 (f64x2.splat (f64.const 1.0)))
    (local.set $c_e2 (f64x2.splat (f64.const 0.5)))
    (local.set $c_e3 (f64x2.splat (f64.const 0.16666666666666666)))
    (local.set $c_e4 (f64x2.splat (f64.const 0.041666666666666664)))
    (local.set $c_e5 (f64x2.splat (f64.const 0.008333333333333333)))
    (local.set $c_e6 (f64x2.splat (f64.const 0.001388888888888889)))
    (local.set $c_e7 (f64x2.splat (f64.const 0.0001984126984126984)))
    (local.set $c_e8 (f64x2.splat (f64.const 2.48015873015873e-05)))
    (local.set $c_e9 (f64x2.splat (f64.const 2.7557319223985893e-06)))
    (local.set $c_e10 (f64x2.splat (f64.const 2.755731922398589e-07)))
    (local.set $c_e11 (f64x2.splat (f64.const 2.505210838544172e-08)))
    (local.set $c_e12 (f64x2.splat (f64.const 2.08767569878681e-09)))
    (local.set $c_s1 (f64x2.splat (f64.const -0.3333333333333333)))
    (local.set $c_s2 (f64x2.splat (f64.const 0.13333333333333333)))
    (local.set $c_s3 (f64x2.splat (f64.const -0.05396825396825397)))
    (local.set $c_s4 (f64x2.splat (f64.const 0.021869488536155203)))
    (local.set $c_s5 (f64x2.splat (f64.const -0.008863235529902197)))
    (local.set $c_one (f64x2.splat (f64.const 1.0)))
    (local.set $c_two (f64x2.splat (f64.const 2.0)))
    (local.set $c_eighth (f64x2.splat (f64.const 0.125)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $quads
        (br_if $done (i32.ge_u (local.get $offset) (local.get $end)))
        (local.set $left (i32.sub (local.get $end) (local.get $offset)))
        (if (i32.ge_u (local.get $left) (i32.const 16))
          (then (local.set $v (v128.load (i32.add (local.get $x) (local.get $offset)))))
          (else
            (local.set $v (v128.load32_lane 0 (i32.add (local.get $x) (local.get $offset)) (v128.const i64x2 0 0)))
            (if (i32.ge_u (local.get $left) (i32.const 8))
              (then (local.set $v (v128.load32_lane 1 (i32.add (i32.add (local.get $x) (local.get $offset)) (i32.const 4)) (local.get $v)))))
            (if (i32.ge_u (local.get $left) (i32.const 12))
              (then (local.set $v (v128.load32_lane 2 (i32.add (i32.add (local.get $x) (local.get $offset)) (i32.const 8)) (local.get $v)))))))
        (local.set $vLo (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $vHi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
        (local.set $aLo (v128.and (local.get $vLo) (local.get $c_magnitude)))
        (local.set $aHi (v128.and (local.get $vHi) (local.get $c_magnitude)))
        (local.set $tLo (f64x2.pmin (local.get $aLo) (local.get $c_cap)))
        (local.set $tHi (f64x2.pmin (local.get $aHi) (local.get $c_cap)))
        (local.set $tLo (f64x2.add (local.get $tLo) (local.get $tLo)))
        (local.set $tHi (f64x2.add (local.get $tHi) (local.get $tHi)))
        (local.set $nLo (f64x2.nearest (f64x2.mul (local.get $tLo) (local.get $c_log2e))))
        (local.set $nHi (f64x2.nearest (f64x2.mul (local.get $tHi) (local.get $c_log2e))))
        ;; ln 2 in two parts (fdlibm's): n·hi is exact for the n here, so r keeps every digit
        (local.set $rLo (f64x2.sub (f64x2.sub (local.get $tLo) (f64x2.mul (local.get $nLo) (local.get $c_ln2hi))) (f64x2.mul (local.get $nLo) (local.get $c_ln2lo))))
        (local.set $rHi (f64x2.sub (f64x2.sub (local.get $tHi) (f64x2.mul (local.get $nHi) (local.get $c_ln2hi))) (f64x2.mul (local.get $nHi) (local.get $c_ln2lo))))
        (local.set $r2Lo (f64x2.mul (local.get $rLo) (local.get $rLo)))
        (local.set $r2Hi (f64x2.mul (local.get $rHi) (local.get $rHi)))
        (local.set $r4Lo (f64x2.mul (local.get $r2Lo) (local.get $r2Lo)))
        (local.set $r4Hi (f64x2.mul (local.get $r2Hi) (local.get $r2Hi)))
        (local.set $r8Lo (f64x2.mul (local.get $r4Lo) (local.get $r4Lo)))
        (local.set $r8Hi (f64x2.mul (local.get $r4Hi) (local.get $r4Hi)))
        (local.set $q0Lo (f64x2.add (local.get $c_one) (f64x2.mul (local.get $rLo) (local.get $c_e1))))
        (local.set $q0Hi (f64x2.add (local.get $c_one) (f64x2.mul (local.get $rHi) (local.get $c_e1))))
        (local.set $q1Lo (f64x2.add (local.get $c_e2) (f64x2.mul (local.get $rLo) (local.get $c_e3))))
        (local.set $q1Hi (f64x2.add (local.get $c_e2) (f64x2.mul (local.get $rHi) (local.get $c_e3))))
        (local.set $q2Lo (f64x2.add (local.get $c_e4) (f64x2.mul (local.get $rLo) (local.get $c_e5))))
        (local.set $q2Hi (f64x2.add (local.get $c_e4) (f64x2.mul (local.get $rHi) (local.get $c_e5))))
        (local.set $q3Lo (f64x2.add (local.get $c_e6) (f64x2.mul (local.get $rLo) (local.get $c_e7))))
        (local.set $q3Hi (f64x2.add (local.get $c_e6) (f64x2.mul (local.get $rHi) (local.get $c_e7))))
        (local.set $q4Lo (f64x2.add (local.get $c_e8) (f64x2.mul (local.get $rLo) (local.get $c_e9))))
        (local.set $q4Hi (f64x2.add (local.get $c_e8) (f64x2.mul (local.get $rHi) (local.get $c_e9))))
        (local.set $q5Lo (f64x2.add (local.get $c_e10) (f64x2.mul (local.get $rLo) (local.get $c_e11))))
        (local.set $q5Hi (f64x2.add (local.get $c_e10) (f64x2.mul (local.get $rHi) (local.get $c_e11))))
        (local.set $q0Lo (f64x2.add (local.get $q0Lo) (f64x2.mul (local.get $r2Lo) (local.get $q1Lo))))
        (local.set $q0Hi (f64x2.add (local.get $q0Hi) (f64x2.mul (local.get $r2Hi) (local.get $q1Hi))))
        (local.set $q2Lo (f64x2.add (local.get $q2Lo) (f64x2.mul (local.get $r2Lo) (local.get $q3Lo))))
        (local.set $q2Hi (f64x2.add (local.get $q2Hi) (f64x2.mul (local.get $r2Hi) (local.get $q3Hi))))
        (local.set $q4Lo (f64x2.add (local.get $q4Lo) (f64x2.mul (local.get $r2Lo) (local.get $q5Lo))))
        (local.set $q4Hi (f64x2.add (local.get $q4Hi) (f64x2.mul (local.get $r2Hi) (local.get $q5Hi))))
        (local.set $q0Lo (f64x2.add (local.get $q0Lo) (f64x2.mul (local.get $r4Lo) (local.get $q2Lo))))
        (local.set $q0Hi (f64x2.add (local.get $q0Hi) (f64x2.mul (local.get $r4Hi) (local.get $q2Hi))))
        (local.set $q4Lo (f64x2.add (local.get $q4Lo) (f64x2.mul (local.get $r4Lo) (local.get $c_e12))))
        (local.set $q4Hi (f64x2.add (local.get $q4Hi) (f64x2.mul (local.get $r4Hi) (local.get $c_e12))))
        (local.set $pLo (f64x2.add (local.get $q0Lo) (f64x2.mul (local.get $r8Lo) (local.get $q4Lo))))
        (local.set $pHi (f64x2.add (local.get $q0Hi) (f64x2.mul (local.get $r8Hi) (local.get $q4Hi))))
        ;; × 2^n (0 ≤ n ≤ 28): n's bits put into a float64's exponent field
        (local.set $pLo (f64x2.mul (local.get $pLo) (i64x2.shl (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $nLo))) (local.get $c_bias)) (i32.const 52))))
        (local.set $pHi (f64x2.mul (local.get $pHi) (i64x2.shl (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $nHi))) (local.get $c_bias)) (i32.const 52))))
        (local.set $yLo (f64x2.sub (local.get $c_one) (f64x2.div (local.get $c_two) (f64x2.add (local.get $pLo) (local.get $c_one)))))
        (local.set $yHi (f64x2.sub (local.get $c_one) (f64x2.div (local.get $c_two) (f64x2.add (local.get $pHi) (local.get $c_one)))))
        (local.set $zLo (f64x2.mul (local.get $aLo) (local.get $aLo)))
        (local.set $zHi (f64x2.mul (local.get $aHi) (local.get $aHi)))
        (local.set $z2Lo (f64x2.mul (local.get $zLo) (local.get $zLo)))
        (local.set $z2Hi (f64x2.mul (local.get $zHi) (local.get $zHi)))
        (local.set $sLo (f64x2.add (local.get $c_s4) (f64x2.mul (local.get $zLo) (local.get $c_s5))))
        (local.set $sHi (f64x2.add (local.get $c_s4) (f64x2.mul (local.get $zHi) (local.get $c_s5))))
        (local.set $sLo (f64x2.add (f64x2.add (local.get $c_s2) (f64x2.mul (local.get $zLo) (local.get $c_s3))) (f64x2.mul (local.get $z2Lo) (local.get $sLo))))
        (local.set $sHi (f64x2.add (f64x2.add (local.get $c_s2) (f64x2.mul (local.get $zHi) (local.get $c_s3))) (f64x2.mul (local.get $z2Hi) (local.get $sHi))))
        (local.set $sLo (f64x2.add (f64x2.add (local.get $c_one) (f64x2.mul (local.get $zLo) (local.get $c_s1))) (f64x2.mul (local.get $z2Lo) (local.get $sLo))))
        (local.set $sHi (f64x2.add (f64x2.add (local.get $c_one) (f64x2.mul (local.get $zHi) (local.get $c_s1))) (f64x2.mul (local.get $z2Hi) (local.get $sHi))))
        (local.set $yLo (v128.bitselect (f64x2.mul (local.get $sLo) (local.get $aLo)) (local.get $yLo) (f64x2.lt (local.get $aLo) (local.get $c_eighth))))
        (local.set $yHi (v128.bitselect (f64x2.mul (local.get $sHi) (local.get $aHi)) (local.get $yHi) (f64x2.lt (local.get $aHi) (local.get $c_eighth))))
        (local.set $yLo (v128.or (local.get $yLo) (v128.andnot (local.get $vLo) (local.get $c_magnitude))))
        (local.set $yHi (v128.or (local.get $yHi) (v128.andnot (local.get $vHi) (local.get $c_magnitude))))
        (local.set $out (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $yLo)) (f32x4.demote_f64x2_zero (local.get $yHi))))
        (if (i32.ge_u (local.get $left) (i32.const 16))
          (then (v128.store (i32.add (local.get $y) (local.get $offset)) (local.get $out)))
          (else
            (v128.store32_lane 0 (i32.add (local.get $y) (local.get $offset)) (local.get $out))
            (if (i32.ge_u (local.get $left) (i32.const 8))
              (then (v128.store32_lane 1 (i32.add (i32.add (local.get $y) (local.get $offset)) (i32.const 4)) (local.get $out))))
            (if (i32.ge_u (local.get $left) (i32.const 12))
              (then (v128.store32_lane 2 (i32.add (i32.add (local.get $y) (local.get $offset)) (i32.const 8)) (local.get $out))))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $quads))))

  ;; rows byte runs of rowBytes each, from src (rows srcStride bytes apart) to dst (dstStride apart): one
  ;; memory.copy per run, or one for all where both sides are contiguous. What slices and concatenations
  ;; copy, where tfjs-backend-wasm's loops make a typed-array view per run.
  (func (export "copyRows") (param $src i32) (param $srcStride i32) (param $dst i32) (param $dstStride i32)
    (param $rowBytes i32) (param $rows i32)
    (local $row i32)
    (if (i32.and (i32.eq (local.get $srcStride) (local.get $rowBytes)) (i32.eq (local.get $dstStride) (local.get $rowBytes)))
      (then
        (memory.copy (local.get $dst) (local.get $src) (i32.mul (local.get $rows) (local.get $rowBytes)))
        (return)))
    (block $done
      (loop $runs
        (br_if $done (i32.ge_u (local.get $row) (local.get $rows)))
        (memory.copy (local.get $dst) (local.get $src) (local.get $rowBytes))
        (local.set $src (i32.add (local.get $src) (local.get $srcStride)))
        (local.set $dst (i32.add (local.get $dst) (local.get $dstStride)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $runs))))

  ;; dst[c][r] = src[r][c] for a rows×cols matrix of 4-byte values. Tiles of {{TILE}}×{{TILE}} values keep
  ;; the strided writes in cache; inside a tile, 4×4 blocks are transposed in registers.
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $srcStride i32) (local $dstStride i32) (local $rows4 i32) (local $cols4 i32)
    (local $r0 i32) (local $c0 i32) (local $r i32) (local $c i32) (local $rEnd i32) (local $cEnd i32)
    (local $from i32) (local $to i32)
    (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $lo v128) (local $hi v128)
    (local.set $srcStride (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $dstStride (i32.shl (local.get $rows) (i32.const 2)))
    (local.set $rows4 (i32.and (local.get $rows) (i32.const -4)))
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    ;; whole 4×4 blocks, tile by tile
    (local.set $r0 (i32.const 0))
    (block $tileRowsDone
      (loop $tileRows
        (br_if $tileRowsDone (i32.ge_u (local.get $r0) (local.get $rows4)))
        (local.set $rEnd (select (i32.add (local.get $r0) (i32.const {{TILE}})) (local.get $rows4)
          (i32.lt_u (i32.add (local.get $r0) (i32.const {{TILE}})) (local.get $rows4))))
        (local.set $c0 (i32.const 0))
        (block $tileColsDone
          (loop $tileCols
            (br_if $tileColsDone (i32.ge_u (local.get $c0) (local.get $cols4)))
            (local.set $cEnd (select (i32.add (local.get $c0) (i32.const {{TILE}})) (local.get $cols4)
              (i32.lt_u (i32.add (local.get $c0) (i32.const {{TILE}})) (local.get $cols4))))
            (local.set $r (local.get $r0))
            (block $blockRowsDone
              (loop $blockRows
                (br_if $blockRowsDone (i32.ge_u (local.get $r) (local.get $rEnd)))
                (local.set $c (local.get $c0))
                (block $blocksDone
                  (loop $blocks
                    (br_if $blocksDone (i32.ge_u (local.get $c) (local.get $cEnd)))
                    (local.set $from (i32.add (local.get $src)
                      (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2))))
                    (local.set $to (i32.add (local.get $dst)
                      (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2))))
                    ;; rows a, b, x, y of the block → interleave pairs → columns
                    (local.set $a (v128.load (local.get $from)))
                    (local.set $b (v128.load (i32.add (local.get $from) (local.get $srcStride))))
                    (local.set $x (v128.load (i32.add (local.get $from) (i32.shl (local.get $srcStride) (i32.const 1)))))
                    (local.set $y (v128.load (i32.add (local.get $from) (i32.mul (local.get $srcStride) (i32.const 3)))))
                    ;; lo = a0 b0 a1 b1, hi = x0 y0 x1 y1 → columns 0 and 1
                    (local.set $lo (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a) (local.get $b)))
                    (local.set $hi (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
                    (v128.store (local.get $to)
                      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $hi)))
                    (v128.store (i32.add (local.get $to) (local.get $dstStride))
                      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $lo) (local.get $hi)))
                    ;; lo = a2 b2 a3 b3, hi = x2 y2 x3 y3 → columns 2 and 3
                    (local.set $lo (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a) (local.get $b)))
                    (local.set $hi (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
                    (v128.store (i32.add (local.get $to) (i32.shl (local.get $dstStride) (i32.const 1)))
                      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $hi)))
                    (v128.store (i32.add (local.get $to) (i32.mul (local.get $dstStride) (i32.const 3)))
                      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $lo) (local.get $hi)))
                    (local.set $c (i32.add (local.get $c) (i32.const 4)))
                    (br $blocks)))
                (local.set $r (i32.add (local.get $r) (i32.const 4)))
                (br $blockRows)))
            (local.set $c0 (i32.add (local.get $c0) (i32.const {{TILE}})))
            (br $tileCols)))
        (local.set $r0 (i32.add (local.get $r0) (i32.const {{TILE}})))
        (br $tileRows)))
    ;; the last cols % 4 columns of the block rows, then the last rows % 4 rows, one value at a time
    (call $transposeScalar (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols)
      (i32.const 0) (local.get $rows4) (local.get $cols4) (local.get $cols))
    (call $transposeScalar (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols)
      (local.get $rows4) (local.get $rows) (i32.const 0) (local.get $cols)))

  ;; dst[c][r] = src[r][c] for r in [rBegin, rEnd), c in [cBegin, cEnd).
  (func $transposeScalar (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (param $rBegin i32) (param $rEnd i32) (param $cBegin i32) (param $cEnd i32)
    (local $r i32) (local $c i32)
    (local.set $r (local.get $rBegin))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rEnd)))
        (local.set $c (local.get $cBegin))
        (block $colsDone
          (loop $colLoop
            (br_if $colsDone (i32.ge_u (local.get $c) (local.get $cEnd)))
            (i32.store
              (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2)))
              (i32.load
                (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2)))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $colLoop)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop)))))
