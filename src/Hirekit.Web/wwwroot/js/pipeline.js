// Hirekit pipeline board: drag and drop on top of the move forms. Without this script (or with
// the keyboard) every card keeps its own form, which does the same move with a full page load.
(function () {
    'use strict';

    var board = document.querySelector('[data-board]');
    if (!board || !window.fetch || !window.FormData) {
        return;
    }

    var status = document.getElementById('board-status');
    var dragged = null;

    function say(message, failed) {
        if (status) {
            status.textContent = message;
            status.classList.toggle('failed', !!failed);
        }
    }

    function columnOf(element) {
        return element.closest('[data-column]');
    }

    function setCount(column, delta) {
        var count = column.querySelector('[data-count]');
        if (count) {
            count.textContent = String(Math.max(0, parseInt(count.textContent, 10) + delta));
        }
    }

    function fixEmpty(column) {
        var list = column.querySelector('[data-cards]');
        var placeholder = list.querySelector('[data-empty]');
        var hasCards = list.querySelector('[data-card]') !== null;
        if (hasCards && placeholder) {
            placeholder.remove();
        } else if (!hasCards && !placeholder) {
            var li = document.createElement('li');
            li.className = 'empty-column';
            li.setAttribute('data-empty', '');
            li.textContent = 'No one here.';
            list.appendChild(li);
        }
    }

    function columnName(column) {
        var name = column.querySelector('.column-name');
        return name ? name.textContent : 'the column';
    }

    function move(card, target) {
        var form = card.querySelector('form.card-move');
        var source = columnOf(card);
        if (!form || !target || target === source) {
            return;
        }

        var data = new FormData(form);
        data.set('stage', target.getAttribute('data-stage'));
        card.classList.add('moving');
        say('Moving ' + card.getAttribute('data-name') + '…');
        fetch(form.action, {
            method: 'POST',
            body: data,
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json' }
        }).then(function (response) {
            return response.json().then(function (body) {
                return { ok: response.ok, body: body };
            }, function () {
                return { ok: false, body: { message: 'The server could not move the card (' + response.status + ').' } };
            });
        }).then(function (result) {
            card.classList.remove('moving');
            if (!result.ok || !result.body.ok) {
                say(result.body.message || 'The move failed.', true);
                return;
            }

            target.querySelector('[data-cards]').prepend(card);
            setCount(source, -1);
            setCount(target, +1);
            fixEmpty(source);
            fixEmpty(target);
            var select = form.querySelector('select[name=stage]');
            if (select) {
                select.value = result.body.stage;
            }

            if (target.getAttribute('data-stage') === 'hired') {
                // Hired is an end: the card keeps no move form, as after a page load.
                form.remove();
                card.removeAttribute('draggable');
            }

            // A confirmation left by an earlier page load no longer describes the board.
            document.querySelectorAll('main > .notice').forEach(function (notice) { notice.remove(); });
            say('Moved ' + card.getAttribute('data-name') + ' to ' + columnName(target) + '.');
        }).catch(function () {
            card.classList.remove('moving');
            say('The move failed; check your connection and try again.', true);
        });
    }

    board.querySelectorAll('[data-card]').forEach(function (card) {
        if (!card.querySelector('form.card-move')) {
            return;
        }

        card.setAttribute('draggable', 'true');
        card.addEventListener('dragstart', function (event) {
            dragged = card;
            card.classList.add('dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', card.getAttribute('data-application'));
        });
        card.addEventListener('dragend', function () {
            card.classList.remove('dragging');
            dragged = null;
            board.querySelectorAll('.drop-over').forEach(function (c) { c.classList.remove('drop-over'); });
        });
    });

    board.querySelectorAll('.droppable[data-stage]').forEach(function (column) {
        column.addEventListener('dragover', function (event) {
            if (dragged && columnOf(dragged) !== column) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                column.classList.add('drop-over');
            }
        });
        column.addEventListener('dragleave', function (event) {
            if (!column.contains(event.relatedTarget)) {
                column.classList.remove('drop-over');
            }
        });
        column.addEventListener('drop', function (event) {
            event.preventDefault();
            column.classList.remove('drop-over');
            if (dragged) {
                move(dragged, column);
            }
        });
    });
})();
