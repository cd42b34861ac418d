import { EDITABLE_FIELDS, FIELD_LABELS, FIELD_ORDER, fieldChoices, type EditableField } from '../../web/review-fields.js';

/** Escape text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Placeholders and input hints of the free-text fields. */
const HINTS: Partial<Record<EditableField, string>> = {
  value: ' inputmode="decimal"',
  base_value: ' inputmode="decimal"',
  metric_id: ' list="metric-ids" placeholder="(không có)"',
  period: ' placeholder="2021-08, 2021, @2021-08, 2021-01..2021-08"',
};

/** The control of one field: a select for an enumeration of the fact schema (with an empty choice when it may be null), else an input. */
function control(name: EditableField): string {
  const id = `fld-${name}`;
  const choices = fieldChoices(name);
  if (choices) {
    const empty = name === 'direction' ? '<option value="">(không)</option>' : '';
    return `<select id="${id}" name="${name}">${empty}${choices.map((c) => `<option>${escapeHtml(c)}</option>`).join('')}</select>`;
  }
  if (name === 'metric') return `<textarea id="${id}" name="${name}" rows="2"></textarea>`;
  return `<input id="${id}" name="${name}" autocomplete="off"${HINTS[name] ?? ''}>`;
}

/**
 * The web app's page: review queue, Compare view and document view (the script shows one, as
 * the address's hash says). Only fixed markup and escaped values (the CSRF token and the
 * reviewer's name) go into the HTML; document text is added by the script with `textContent` only.
 */
export function reviewPage(opts: { csrfToken: string; reviewer: string }): string {
  if (FIELD_ORDER.length !== EDITABLE_FIELDS.length) throw new Error('review page: every editable field of the fact schema needs a label in FIELD_LABELS');
  const fields = FIELD_ORDER.map(
    (f) =>
      `<div class="field" data-field="${f}"><label for="fld-${f}">${FIELD_LABELS[f]}</label>${control(f)}<div class="field-error" id="err-${f}" role="alert"></div></div>`,
  ).join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${escapeHtml(opts.csrfToken)}">
<meta name="reviewer" content="${escapeHtml(opts.reviewer)}">
<title>solieu · duyệt số liệu</title>
<link rel="stylesheet" href="/app.css">
<script src="/echarts.js" defer></script>
<script src="/app.js" defer></script>
</head>
<body>
<header class="top">
  <h1>solieu <span>· duyệt số liệu</span></h1>
  <nav class="tabs" aria-label="Màn hình">
    <a href="#" id="tab-review" data-view="review">Duyệt</a><a href="#view=compare" id="tab-compare" data-view="compare">So sánh</a><a href="#view=doc" id="tab-doc" data-view="doc">Tài liệu</a>
  </nav>
  <div class="counter" id="counter" aria-live="polite"></div>
  <form id="filters" class="filters" autocomplete="off">
    <label>Tài liệu <select id="f-doc"><option value="">(tất cả)</option></select></label>
    <label>Chỉ tiêu <input id="f-metric" type="search" placeholder="mã hoặc từ khóa"></label>
    <label>Trạng thái <select id="f-status">
      <option value="auto">chưa duyệt</option><option value="all">tất cả</option><option value="accepted">đã chấp nhận</option>
      <option value="corrected">đã sửa</option><option value="rejected">đã loại</option><option value="accepted,corrected">đã duyệt (giữ)</option>
    </select></label>
    <label>Tin cậy từ <input id="f-min" type="number" min="0" max="1" step="0.05"></label>
    <label>đến <input id="f-max" type="number" min="0" max="1" step="0.05"></label>
    <label>Người duyệt <input id="reviewer" maxlength="100"></label>
  </form>
</header>
<main class="layout" id="review-view">
  <nav class="queue" aria-label="Hàng đợi">
    <ol id="queue"></ol>
    <p class="empty" id="queue-empty" hidden>Không còn số liệu nào theo bộ lọc này.</p>
  </nav>
  <section class="panel" id="panel" aria-live="polite">
    <div id="msg" class="msg" role="status"></div>
    <div id="fact" hidden>
      <p class="sentence" id="sentence"></p>
      <dl class="meta" id="meta"></dl>
      <figure class="crop" id="crop" hidden><img id="crop-img" alt="Vùng trang quét quanh số liệu"><figcaption>Ảnh trang quét quanh số liệu</figcaption></figure>
      <section class="table-context" id="table-context" hidden></section>
      <form id="fields" class="fields" autocomplete="off" novalidate>
${fields}
      </form>
      <div class="actions" id="actions">
        <button type="button" data-act="accept"><kbd>a</kbd> Chấp nhận</button>
        <button type="button" data-act="reject"><kbd>r</kbd> Loại</button>
        <button type="button" data-act="edit"><kbd>e</kbd> Sửa</button>
        <button type="button" data-act="save" class="edit-only"><kbd>Enter</kbd> Lưu</button>
        <button type="button" data-act="cancel" class="edit-only"><kbd>Esc</kbd> Hủy</button>
        <button type="button" data-act="undo"><kbd>u</kbd> Hoàn tác</button>
        <button type="button" data-act="prev"><kbd>k</kbd> Trước</button>
        <button type="button" data-act="next"><kbd>j</kbd> Tiếp</button>
      </div>
      <h2>Lịch sử</h2>
      <ol class="history" id="history"></ol>
    </div>
  </section>
</main>
<main class="compare" id="compare-view" hidden>
  <form id="compare-form" class="compare-form" autocomplete="off">
    <label>Chỉ tiêu <input id="c-metric" type="search" list="metric-ids" placeholder="mã chỉ tiêu hoặc từ khóa, ví dụ doanh thu viễn thông"></label>
    <label><input id="c-by-phrase" type="checkbox"> theo cụm từ</label>
    <label>Tỉnh <select id="c-province"><option value="written">như báo cáo ghi</option><option value="current">hiện nay (sau sáp nhập 2025)</option></select></label>
    <label>Kỳ <select id="c-period"><option value="">(mọi kỳ: đường theo tỉnh)</option></select></label>
    <button type="submit">So sánh</button>
  </form>
  <div id="c-msg" class="msg" role="status"></div>
  <ul id="c-candidates" class="candidates" hidden></ul>
  <h2 id="c-title"></h2>
  <div id="chart" class="chart" role="img" aria-label="Biểu đồ so sánh"></div>
  <table id="c-rows" class="rows" hidden>
    <thead><tr><th>Tỉnh</th><th>Kỳ</th><th>Giá trị</th><th>Đơn vị</th><th>Ước lượng</th><th>Nguồn</th><th>Trích dẫn</th><th></th></tr></thead>
    <tbody></tbody>
  </table>
  <div id="c-phrases" class="phrases"></div>
</main>
<main class="docview" id="doc-view" hidden>
  <div class="doc-head">
    <label>Tài liệu <select id="d-doc"></select></label>
    <button type="button" id="d-prev" aria-label="Trang trước">‹</button><span id="d-page-label"></span><button type="button" id="d-next" aria-label="Trang sau">›</button>
    <a href="#" id="d-back">← về hàng đợi</a>
  </div>
  <div id="d-msg" class="msg" role="status"></div>
  <div class="doc-body">
    <div class="page-pane"><div class="page-wrap" id="page-wrap"><img id="page-img" alt="Trang tài liệu"><div class="boxes" id="boxes"></div></div><p class="empty" id="page-none" hidden>Không có ảnh trang cho tài liệu này (chỉ có cho PDF và ảnh quét).</p></div>
    <div class="doc-facts"><p class="sentence" id="d-sentence"></p><ol id="d-facts"></ol></div>
  </div>
</main>
<footer class="keys" id="keys" aria-label="Phím tắt">
  <span><kbd>a</kbd> chấp nhận</span><span><kbd>r</kbd> loại</span><span><kbd>e</kbd> sửa</span>
  <span><kbd>j</kbd>/<kbd>↓</kbd> tiếp</span><span><kbd>k</kbd>/<kbd>↑</kbd> trước</span><span><kbd>u</kbd> hoàn tác</span>
  <span><kbd>d</kbd> xem trong tài liệu</span><span><kbd>Enter</kbd> lưu</span><span><kbd>Esc</kbd> hủy</span>
</footer>
<datalist id="metric-ids"></datalist>
</body>
</html>
`;
}
