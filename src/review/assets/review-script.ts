/**
 * The review page's script (plain browser JavaScript, served as /app.js). Every piece of
 * document text reaches the DOM through `textContent` or form `value`, never as markup.
 * Kept free of backticks so it can live in this string.
 */
export const REVIEW_SCRIPT = String.raw`'use strict';
(function () {
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var serverReviewer = document.querySelector('meta[name="reviewer"]').getAttribute('content');
  var STATUS = { auto: 'chưa duyệt', accepted: 'đã chấp nhận', corrected: 'đã sửa', rejected: 'đã loại' };
  var ACTION = { accept: 'chấp nhận', correct: 'sửa', reject: 'loại', undo: 'hoàn tác' };
  var FIELDS = ['value', 'unit', 'base_value', 'base_unit', 'metric', 'metric_id', 'period', 'kind', 'aspect', 'direction', 'approx'];
  var NUMERIC = { value: true, base_value: true };
  var NULLABLE = { metric_id: true, direction: true };
  var PERIOD = /^(|@?\d{4}(-\d{2})?(\.\.\d{4}(-\d{2})?)?|\d{4}-Q[1-4])$/;
  var state = { items: [], index: -1, detail: null, editing: false, busy: false, undo: [], counts: null, total: 0, hashDoc: '' };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fmt(n) { return typeof n === 'number' ? n.toLocaleString('vi-VN', { maximumFractionDigits: 6 }) : String(n); }

  function message(text, kind) {
    var m = $('msg');
    m.textContent = text || '';
    m.className = 'msg' + (kind ? ' ' + kind : '');
  }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-CSRF-Token'] = csrf;
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res.json().then(
        function (json) { return { status: res.status, body: json }; },
        function () { return { status: res.status, body: { error: 'HTTP ' + res.status } }; }
      );
    }, function (err) { return { status: 0, body: { error: 'không kết nối được máy chủ: ' + err.message } }; });
  }

  // ----- filters (kept in the address so a reload shows the same queue) -----
  function readHash() { return new URLSearchParams(location.hash.slice(1)); }
  function filterParams() {
    var p = new URLSearchParams();
    // before the first queue has filled the document list, the address's document is the filter
    var doc = $('f-doc').value || state.hashDoc, metric = $('f-metric').value.trim(), status = $('f-status').value;
    var min = $('f-min').value, max = $('f-max').value;
    if (doc) p.set('doc', doc);
    if (metric) p.set('metric', metric);
    p.set('status', status || 'auto');
    if (min !== '') p.set('minConfidence', min);
    if (max !== '') p.set('maxConfidence', max);
    return p;
  }
  function writeHash() {
    var p = filterParams();
    var item = state.items[state.index];
    if (item) p.set('fact', String(item.id));
    history.replaceState(null, '', '#' + p.toString());
  }
  function applyHash() {
    var h = readHash();
    state.hashDoc = h.get('doc') || '';
    $('f-metric').value = h.get('metric') || '';
    $('f-status').value = h.get('status') || 'auto';
    if (!$('f-status').value) $('f-status').value = 'auto';
    $('f-min').value = h.get('minConfidence') || '';
    $('f-max').value = h.get('maxConfidence') || '';
    return h;
  }

  // ----- queue -----
  function loadQueue(keepId) {
    var p = filterParams();
    return api('GET', '/api/queue?' + p.toString()).then(function (r) {
      if (r.status !== 200) { message(describe(r.body), 'error'); return; }
      state.items = r.body.facts;
      state.counts = r.body.counts;
      state.total = r.body.total;
      fillDocuments(r.body.documents);
      var at = -1;
      for (var i = 0; i < state.items.length; i++) if (state.items[i].id === keepId) at = i;
      renderQueue();
      select(at >= 0 ? at : (state.items.length ? 0 : -1));
    });
  }

  function fillDocuments(docs) {
    var sel = $('f-doc'), want = sel.value || state.hashDoc;
    state.hashDoc = '';
    while (sel.options.length > 1) sel.remove(1);
    docs.forEach(function (d) {
      var o = el('option', null, d.title ? d.file + ' — ' + d.title : d.file);
      o.value = d.doc_id;
      sel.appendChild(o);
    });
    sel.value = want;
    if (sel.value !== want) sel.value = '';
  }

  function renderCounter() {
    var c = state.counts, node = $('counter');
    clear(node);
    if (!c) return;
    var all = c.auto + c.accepted + c.corrected + c.rejected;
    var left = el('span', 'left', 'Còn lại ' + c.auto + ' / ' + all);
    left.id = 'remaining';
    node.appendChild(left);
    node.appendChild(document.createTextNode(' · đang xem ' + (state.index + 1) + ' / ' + state.items.length +
      (state.total > state.items.length ? ' (trong ' + state.total + ')' : '')));
  }

  function renderQueue() {
    var list = $('queue');
    clear(list);
    state.items.forEach(function (it, i) {
      var li = el('li');
      li.dataset.index = String(i);
      li.dataset.factId = String(it.id);
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === state.index ? 'true' : 'false');
      li.appendChild(el('span', 'conf', it.confidence.toFixed(2)));
      var q = el('span', 'q', it.quote);
      q.appendChild(el('span', 'badge ' + it.status, STATUS[it.status] || it.status));
      li.appendChild(q);
      li.appendChild(el('span', 'm', it.metric || '(chưa có chỉ tiêu)'));
      li.appendChild(el('span', 'f', it.file + ' · tr. ' + it.page));
      li.addEventListener('click', function () { if (!state.editing) select(i); });
      list.appendChild(li);
    });
    $('queue-empty').hidden = state.items.length > 0;
    renderCounter();
  }

  function markSelected() {
    var nodes = $('queue').children;
    for (var i = 0; i < nodes.length; i++) nodes[i].setAttribute('aria-selected', i === state.index ? 'true' : 'false');
    var cur = nodes[state.index];
    if (cur && cur.scrollIntoView) cur.scrollIntoView({ block: 'nearest' });
    renderCounter();
  }

  function select(i) {
    state.index = i;
    setEditing(false);
    markSelected();
    writeHash();
    if (i < 0) { state.detail = null; $('fact').hidden = true; return Promise.resolve(); }
    return loadDetail(state.items[i].id);
  }

  function move(step) {
    var i = state.index + step;
    if (i < 0 || i >= state.items.length) { message(step > 0 ? 'Đã ở cuối hàng đợi.' : 'Đã ở đầu hàng đợi.'); return; }
    message('');
    select(i);
  }

  // ----- the fact panel -----
  function loadDetail(id) {
    return Promise.all([api('GET', '/api/facts/' + id), api('GET', '/api/facts/' + id + '/history')]).then(function (rs) {
      if (rs[0].status !== 200) { message(describe(rs[0].body), 'error'); return; }
      var cur = state.items[state.index];
      if (!cur || cur.id !== id) return;
      state.detail = rs[0].body;
      syncItem(state.detail.fact);
      renderDetail();
      renderHistory(rs[1].status === 200 ? rs[1].body.corrections : []);
    });
  }

  function renderDetail() {
    var d = state.detail, f = d.fact;
    $('fact').hidden = false;
    var s = $('sentence');
    clear(s);
    s.appendChild(document.createTextNode((d.sentence.cutBefore ? '… ' : '') + d.sentence.before));
    s.appendChild(el('mark', null, d.sentence.match));
    s.appendChild(document.createTextNode(d.sentence.after + (d.sentence.cutAfter ? ' …' : '')));
    var meta = $('meta');
    clear(meta);
    function row(k, v) { meta.appendChild(el('dt', null, k)); var dd = el('dd', null, v); meta.appendChild(dd); return dd; }
    row('Tài liệu', d.document.file + (d.document.title ? ' — ' + d.document.title : ''));
    if (d.document.province || d.document.report_period) row('Tỉnh · kỳ báo cáo', [d.document.province, d.document.report_period].filter(Boolean).join(' · '));
    row('Trang', String(f.page) + (d.document.pages ? ' / ' + d.document.pages : '') + (d.pageOrigin === 'ocr' ? ' (ảnh quét, OCR)' : ''));
    row('Mục', d.sections.length ? d.sections.map(function (x) { return x.path.split('/').pop() + '. ' + x.title; }).join(' › ') : '(phần đầu)');
    var st = row('Trạng thái', '');
    st.appendChild(el('span', 'badge ' + f.status, STATUS[f.status] || f.status));
    st.appendChild(document.createTextNode(' phiên bản ' + f.version + ' · tin cậy ' + f.confidence.toFixed(2)));
    if (f.bbox) row('Khung', f.bbox.map(function (n) { return Math.round(n); }).join(', '));
    if (f.evidence && f.evidence.length) row('Căn cứ', f.evidence.join(', '));
    var crop = $('crop');
    crop.hidden = !d.cropAvailable;
    if (d.cropAvailable) $('crop-img').src = '/api/facts/' + f.id + '/crop.png?v=' + f.version;
    else $('crop-img').removeAttribute('src');
    fillFields(f);
  }

  function fillFields(f) {
    FIELDS.forEach(function (name) {
      var input = $('fld-' + name), v = f[name];
      input.value = v === null || v === undefined ? '' : String(v);
      input.classList.remove('invalid');
      $('err-' + name).textContent = '';
    });
  }

  function renderHistory(list) {
    var h = $('history');
    clear(h);
    if (!list.length) { h.appendChild(el('li', null, 'Chưa có quyết định nào.')); return; }
    list.forEach(function (c) {
      var changed = FIELDS.filter(function (k) { return String(c.before[k]) !== String(c.after[k]); })
        .map(function (k) { return k + ': ' + c.before[k] + ' → ' + c.after[k]; });
      if (c.before.status !== c.after.status) changed.push('trạng thái: ' + STATUS[c.before.status] + ' → ' + STATUS[c.after.status]);
      h.appendChild(el('li', null, new Date(c.at).toLocaleString('vi-VN') + ' · ' + c.reviewer + ' · ' + (ACTION[c.action] || c.action) +
        (changed.length ? ' — ' + changed.join('; ') : '')));
    });
  }

  function syncItem(f) {
    state.items.forEach(function (it) {
      if (it.id !== f.id) return;
      if (state.counts && it.status !== f.status && it.version < f.version) {
        state.counts[it.status] -= 1;
        state.counts[f.status] += 1;
      }
      it.version = f.version; it.status = f.status; it.value = f.value; it.unit = f.unit; it.metric = f.metric; it.metric_id = f.metric_id;
    });
  }

  // ----- editing -----
  function setEditing(on) {
    state.editing = on;
    FIELDS.forEach(function (name) { $('fld-' + name).disabled = !on; });
    $('fields').classList.toggle('editing', on);
    $('panel').classList.toggle('editing', on);
  }

  function startEdit() {
    if (!state.detail) return;
    setEditing(true);
    message('Đang sửa: Enter để lưu, Esc để hủy.');
    $('fld-value').focus();
    $('fld-value').select();
  }

  function cancelEdit() {
    if (state.detail) fillFields(state.detail.fact);
    setEditing(false);
    message('Đã hủy sửa.');
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  }

  function parseNumber(text) {
    var t = text.trim().replace(/\s+/g, '');
    if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) t = t.replace(',', '.');
    if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return NaN;
    return Number(t);
  }

  function collectFields() {
    var f = state.detail.fact, patch = {}, errors = {};
    FIELDS.forEach(function (name) {
      var raw = $('fld-' + name).value, v;
      if (NUMERIC[name]) {
        v = parseNumber(raw);
        if (!isFinite(v)) { errors[name] = 'Cần một số (ví dụ 1150.5)'; return; }
      } else if (NULLABLE[name]) {
        v = raw.trim() === '' ? null : raw.trim();
      } else {
        v = name === 'metric' ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
      }
      if (name === 'period' && !PERIOD.test(v)) { errors[name] = 'Kỳ không hợp lệ: 2021, 2021-08, @2021-08, 2021-Q1, 2021-01..2021-08 hoặc để trống'; return; }
      if (v !== f[name]) patch[name] = v;
    });
    return { patch: patch, errors: errors };
  }

  function showErrors(errors) {
    FIELDS.forEach(function (name) {
      var msg = errors[name] || '';
      $('err-' + name).textContent = msg;
      $('fld-' + name).classList.toggle('invalid', !!msg);
    });
  }

  function save() {
    if (!state.editing || !state.detail) return;
    var c = collectFields();
    showErrors(c.errors);
    if (Object.keys(c.errors).length) { message('Có trường chưa hợp lệ.', 'error'); return; }
    if (!Object.keys(c.patch).length) { setEditing(false); message('Không có thay đổi.'); return; }
    decide('correct', c.patch);
  }

  // ----- decisions -----
  function describe(body) {
    var text = body && body.error ? body.error : 'lỗi không rõ';
    if (body && body.issues && body.issues.length) text += ': ' + body.issues.join('; ');
    return text;
  }

  function reviewerName() { return $('reviewer').value.trim() || serverReviewer; }

  function post(item, action, fields) {
    var body = { expectedVersion: item.version, action: action, reviewer: reviewerName() };
    if (fields) body.fields = fields;
    return api('POST', '/api/facts/' + item.id + '/decision', body);
  }

  function decide(action, fields) {
    var item = state.items[state.index];
    if (!item || state.busy) return;
    state.busy = true;
    post(item, action, fields).then(function (r) {
      state.busy = false;
      if (r.status === 200) {
        syncItem(r.body.fact);
        state.undo.push(item.id);
        setEditing(false);
        renderQueue();
        message('Đã ' + ACTION[action] + ': ' + item.quote + ' (phiên bản ' + r.body.fact.version + ').', 'ok');
        if (state.index < state.items.length - 1) select(state.index + 1);
        else { markSelected(); loadDetail(item.id); }
      } else if (r.status === 409) {
        syncItem(r.body.current);
        renderQueue();
        message('Người khác vừa thay đổi số liệu này (nay là phiên bản ' + r.body.current.version + '). Xem lại rồi quyết định lại.', 'error');
        setEditing(false);
        loadDetail(item.id);
      } else if (r.status === 400 && action === 'correct') {
        var errors = {};
        (r.body.issues || []).forEach(function (line) {
          var m = /^(?:fields\.)?([a-z_]+):\s*(.*)$/.exec(line);
          if (m && FIELDS.indexOf(m[1]) >= 0) errors[m[1]] = m[2];
        });
        showErrors(errors);
        message(describe(r.body), 'error');
      } else {
        message(describe(r.body), 'error');
      }
    });
  }

  function undo() {
    if (state.busy || state.editing) return;
    var id = state.undo.length ? state.undo[state.undo.length - 1] : (state.items[state.index] || {}).id;
    var at = -1;
    for (var i = 0; i < state.items.length; i++) if (state.items[i].id === id) at = i;
    if (at < 0) { message('Không có gì để hoàn tác.'); return; }
    var item = state.items[at];
    state.busy = true;
    post(item, 'undo').then(function (r) {
      state.busy = false;
      if (r.status === 200) {
        if (state.undo.length && state.undo[state.undo.length - 1] === id) state.undo.pop();
        syncItem(r.body.fact);
        renderQueue();
        message('Đã hoàn tác: ' + item.quote + ' (nay ' + STATUS[r.body.fact.status] + ').', 'ok');
        select(at);
      } else {
        if (r.status === 409) syncItem(r.body.current);
        message(describe(r.body), 'error');
      }
    });
  }

  // ----- keyboard first -----
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    var t = e.target, tag = t && t.tagName;
    if (state.editing) {
      if (e.key === 'Escape') { e.preventDefault(); cancelEdit(); }
      else if (e.key === 'Enter' && !(e.shiftKey && tag === 'TEXTAREA')) { e.preventDefault(); save(); }
      return;
    }
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
      if (e.key === 'Escape' || (e.key === 'Enter' && tag !== 'TEXTAREA')) { t.blur(); }
      return;
    }
    var k = e.key;
    if (k === 'a') decide('accept');
    else if (k === 'r') decide('reject');
    else if (k === 'e') startEdit();
    else if (k === 'u') undo();
    else if (k === 'j' || k === 'ArrowDown') move(1);
    else if (k === 'k' || k === 'ArrowUp') move(-1);
    else return;
    e.preventDefault();
  });

  document.querySelector('.actions').addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b) return;
    var act = b.dataset.act;
    if (act === 'accept' || act === 'reject') decide(act);
    else if (act === 'edit') startEdit();
    else if (act === 'save') save();
    else if (act === 'cancel') cancelEdit();
    else if (act === 'undo') undo();
    else if (act === 'prev') move(-1);
    else if (act === 'next') move(1);
    b.blur();
  });

  ['f-doc', 'f-status', 'f-min', 'f-max', 'f-metric'].forEach(function (id) {
    $(id).addEventListener('change', function () { loadQueue(); });
  });
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); loadQueue(); });
  $('reviewer').value = localStorage.getItem('solieu.reviewer') || serverReviewer;
  $('reviewer').addEventListener('change', function () { localStorage.setItem('solieu.reviewer', $('reviewer').value.trim()); });

  api('GET', '/api/metrics').then(function (r) {
    if (r.status !== 200) return;
    var list = $('metric-ids');
    r.body.metrics.forEach(function (m) { var o = el('option', null, m.name); o.value = m.id; list.appendChild(o); });
  });

  setEditing(false);
  var first = applyHash();
  loadQueue(Number(first.get('fact')) || undefined);
})();
`;
